from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

router = APIRouter(prefix="/items")
DB: dict[int, "Item"] = {}


class Item(BaseModel):
    name: str
    price: float


@router.get("/{item_id}")
async def read_item(item_id: int) -> Item:
    if item_id not in DB:
        raise HTTPException(status_code=404, detail="Item not found")
    return DB[item_id]


@router.put("/{item_id}")
async def put_item(item_id: int, item: Item) -> Item:
    DB[item_id] = item
    return item
