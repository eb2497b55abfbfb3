from fastapi import APIRouter

router = APIRouter()


@router.get("/notes")
async def list_notes():
    return []
