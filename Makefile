# newsgraph: `make demo` and `make test` work from a fresh clone with only Python 3.11+ installed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test check lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# the stamp file changes when pyproject.toml does, so `make` reinstalls after a dependency change
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

demo: $(VENV)/.installed
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/newsgraph ingest examples --db demo.db
	$(BIN)/newsgraph documents --db demo.db
	$(BIN)/newsgraph entities --db demo.db
	$(BIN)/newsgraph quotes --db demo.db
	$(BIN)/newsgraph events --db demo.db
	$(BIN)/newsgraph export --format jsonl demo-export --db demo.db
	@echo "The knowledge base is demo.db; the JSON Lines export is in demo-export/."

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks

typecheck: $(VENV)/.installed
	$(BIN)/mypy

# every check: lint, types, and the tests (those reading ../shared skip where it is absent)
test: lint typecheck
	$(BIN)/python -m pytest

check: test

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/ingest_speed.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm demo-export .pytest_cache .mypy_cache .ruff_cache
