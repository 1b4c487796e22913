# giaoban: `make run` serves the dashboard, `make test` runs the whole suite; both set up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := chromium fonts-noto-core fonts-liberation2 poppler-utils
export HF_HUB_OFFLINE := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup run test check format lint db system-deps clean help

help:
	@echo "make run    set up and serve the dashboard on http://localhost:$${GIAOBAN_PORT:-8501}"
	@echo "make test   set up and run the whole test suite"
	@echo "make check  ruff format --check, ruff check and the tests"
	@echo "make setup  set up only (Debian packages, .venv, demo database)"

setup: system-deps $(STAMP) db

system-deps:
	@bash scripts/system-deps.sh $(APT_PACKAGES)

# Reinstalls only when requirements.txt changes; a .pth file makes the repo importable everywhere
# (tests, `streamlit run dashboard/app.py`) without packaging it.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'giaoban-dev.pth').write_text('$(CURDIR)\n')"
	touch $@

# Rebuilds the demo database only when its inputs changed (code, queries, data, seeds).
db: $(STAMP)
	$(PY) -m giaoban build --if-stale

run: setup
	$(PY) -m giaoban serve

test: setup
	$(PY) -m pytest -n 2

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

lint: $(STAMP)
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

check: setup lint
	$(PY) -m pytest -n 2

clean:
	rm -rf $(VENV) data/giaoban.duckdb data/generated tests/artifacts .pytest_cache .ruff_cache
