from fastapi import FastAPI

from app.routers import items

app = FastAPI(title="Inventory")
app.include_router(items.router, prefix="/items")


@app.get("/health")
async def health():
    return {"ok": True}
