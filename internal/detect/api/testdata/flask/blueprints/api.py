import requests
from flask import Blueprint, jsonify

bp = Blueprint("api", __name__)


@bp.get("/items")
def items():
    return jsonify([])


@bp.post("/items")
def create_item():
    return jsonify({}), 201


@bp.route("/weather/<city>", methods=["GET"])
def weather(city):
    r = requests.get(f"https://api.open-meteo.com/v1/forecast?city={city}", timeout=5)
    return jsonify(r.json())
