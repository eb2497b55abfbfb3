from flask import Blueprint, jsonify, request

bp = Blueprint("todos", __name__)
TODOS = []


@bp.get("/todos")
def list_todos():
    return jsonify(TODOS)


@bp.post("/todos")
def add_todo():
    item = request.get_json()
    if not item or "title" not in item:
        return jsonify({"error": "title required"}), 400
    TODOS.append(item)
    return jsonify(item), 201
