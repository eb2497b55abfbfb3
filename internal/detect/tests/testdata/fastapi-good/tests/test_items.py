import pytest
from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_missing_item_is_404():
    r = client.get("/items/42")
    assert r.status_code == 404
    assert r.json() == {"detail": "Item not found"}


@pytest.mark.parametrize("price", [1.5, 10.0])
def test_put_then_get(price):
    r = client.put("/items/1", json={"name": "pen", "price": price})
    assert r.status_code == 200
    assert client.get("/items/1").json()["price"] == price


@pytest.mark.anyio
async def test_async_client():
    from httpx import ASGITransport, AsyncClient

    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://t") as ac:
        r = await ac.get("/items/7")
    assert r.status_code == 404
