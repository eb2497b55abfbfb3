#!/usr/bin/env bash
set -euo pipefail

pip install -r requirements.txt
# flake8 is run by pre-commit
python -m pytest -q --maxfail=1
