# Teknologiradar: two commands do all set-up.
#   make run   - virtual environment, requirements, database from the seed files, then the app
#   make test  - the same plus test requirements and Chromium, then the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB := data/radar.duckdb
SEED := $(wildcard data/seed/*.csv)
PORT ?= 8501

.PHONY: run test venv test-deps chromium db bench clean

run: $(VENV)/.runtime $(DB)
	$(PY) -m radar.serve --server.port $(PORT) --server.address localhost

test: $(VENV)/.test $(DB) chromium
	$(PY) -m pytest

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3 -m venv failed: installing Debian's python3-venv"; \
	  apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.test: requirements.txt requirements-test.txt $(VENV)/.runtime
	$(PY) -m pip install -q -r requirements-test.txt
	touch $@

# The database is rebuilt when a seed file is newer; the build writes a temp file and renames it.
$(DB): $(SEED) $(VENV)/.runtime
	$(PY) -m radar build

db: $(DB)

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work offline).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && apt-get install -y -qq chromium; }

bench: $(VENV)/.runtime $(DB)
	$(PY) -m benchmarks.bench

clean:
	rm -rf $(VENV) $(DB)
