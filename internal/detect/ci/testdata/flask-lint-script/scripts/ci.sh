#!/bin/sh
pip install ruff black
ruff check .
black --check .
# pytest -q
