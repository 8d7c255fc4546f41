# Teknologiradar: two commands do all set-up.
#   make run   - virtual environment, requirements, database from the seed files, then the app
#   make test  - the same plus test requirements and Chromium, then the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB := data/radar.duckdb
PORT ?= 8501

.PHONY: run test venv test-deps chromium postgresql db rebuild-db bench clean

run: $(VENV)/.runtime $(DB)
	$(PY) -m radar.serve --server.port $(PORT) --server.address localhost

test: $(VENV)/.test $(DB) chromium postgresql
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -n 2 --dist loadfile -m "not solo"
	$(PY) -m pytest -m solo

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

# Built only when missing: an edition imported with `python -m radar import-edition` lives in
# this file, so a routine `make run` must never rebuild over it. After changing the seed files,
# run `make rebuild-db` (the build writes a temp file and renames it, so a bad seed changes nothing).
$(DB): | $(VENV)/.runtime
	$(PY) -m radar build --if-missing

db: $(DB)

rebuild-db: $(VENV)/.runtime
	$(PY) -m radar build

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work offline).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && apt-get install -y -qq chromium; }

# The storage tests run on DuckDB and on PostgreSQL (a throwaway cluster per session, tests/pgcluster.py);
# the multi-process browser test puts two app processes behind HAProxy. Both from Debian's packages.
postgresql:
	@{ ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v haproxy >/dev/null 2>&1; } || { \
	  echo "installing Debian's postgresql and haproxy for the storage and multi-process tests"; \
	  apt-get update -qq && apt-get install -y -qq postgresql haproxy; }

# Generates 100k, 1M and 10M answers with DuckDB in a temp folder (seconds; nothing is kept) and times
# each national path against plain SQL in fresh processes, then the hostile import files: a few minutes.
bench: $(VENV)/.test $(DB) chromium postgresql
	$(PY) -m benchmarks.bench
	$(PY) -m benchmarks.hostile_files
	$(PY) -m benchmarks.workshop
	$(PY) -m benchmarks.editor
	$(PY) -m benchmarks.load

clean:
	rm -rf $(VENV)  # never the databases: they may hold imported editions and own radars
