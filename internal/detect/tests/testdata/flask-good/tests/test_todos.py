def test_list_is_empty(client):
    resp = client.get("/todos")
    assert resp.status_code == 200
    assert resp.get_json() == []


def test_add_requires_title(client):
    resp = client.post("/todos", json={})
    assert resp.status_code == 400


def test_add_todo(client):
    resp = client.post("/todos", json={"title": "write tests"})
    assert resp.status_code == 201
    assert resp.get_json()["title"] == "write tests"
