import pytest

pytestmark = pytest.mark.asyncio


async def test_list_notes_empty(client):
    response = await client.get("/api/notes")
    assert response.json() == []


async def test_unknown_route(client):
    response = await client.get("/api/nope")
    assert response.status_code == 404
