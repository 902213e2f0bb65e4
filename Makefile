# Organiser — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/organiser $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check organiser tests benchmarks main.py
	$(BIN)/ruff format --check organiser tests benchmarks main.py
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.screenshots docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
