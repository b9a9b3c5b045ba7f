# Remit — the two commands a newcomer needs:
#   make run    install, migrate, load the demo company and serve on http://127.0.0.1:8000
#   make test   lint, import contracts, migration check, the suite on SQLite and PostgreSQL
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
BIN := $(VENV)/bin
REMIT := $(BIN)/remit
# PostgreSQL for the second test pass (trust auth on the local server by default).
PG_URL ?= postgres://postgres@127.0.0.1:5432
PYTEST_ARGS ?=

.PHONY: help run install system-deps test lint contracts migrations-check test-sqlite test-postgres messages bench openapi

help:
	@echo "make run     install everything, load the demo company and serve on http://127.0.0.1:8000"
	@echo "make test    the whole suite: lint, import contracts, migrations, SQLite and PostgreSQL"
	@echo "make messages  refresh and compile the translation catalogues"
	@echo "make bench   run the benchmarks in bench/"

$(BIN)/python:
	@py=$$(scripts/find-python.sh) && echo "Using $$py" && $$py -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

system-deps:
	@scripts/system-deps.sh run

run: install system-deps
	$(REMIT) migrate --noinput -v 0
	$(REMIT) collectstatic --noinput -v 0
	$(REMIT) setup
	$(REMIT) serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

contracts: install
	$(BIN)/lint-imports

migrations-check: install
	REMIT_DATA_DIR=$$(mktemp -d) $(REMIT) makemigrations --check --dry-run

# SQLite builds the test tables straight from the models (seconds faster per worker);
# the migrations themselves run in the CLI tests and in the PostgreSQL pass.
test-sqlite: install
	$(BIN)/pytest -n 2 --nomigrations $(PYTEST_ARGS)

# The same suite on a throwaway PostgreSQL database. A missing server fails the
# run under CI=true and is reported loudly (never skipped silently) elsewhere.
test-postgres: install
	@scripts/with-postgres.sh "$(PG_URL)" $(BIN)/pytest -n 2 -m "not nodb" $(PYTEST_ARGS)

test: install
	@scripts/system-deps.sh test
	$(MAKE) --no-print-directory lint contracts migrations-check test-sqlite test-postgres

messages: install
	cd remit && ../$(REMIT) makemessages -l zh_Hans --no-obsolete --add-location file -e html,txt,py
	cd remit && ../$(REMIT) compilemessages -l zh_Hans

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

openapi: install
	$(REMIT) export_openapi_schema --api remit.api.api --indent 2 --sorted --output docs/api/openapi.json
