from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_list():
    assert client.get("/items/").status_code == 200
