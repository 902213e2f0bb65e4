# Organiser — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots bundle clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/organiser $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check organiser tests benchmarks packaging main.py
	$(BIN)/ruff format --check organiser tests benchmarks packaging main.py
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.screenshots docs/screenshots

# The bundle is built in a virtual environment of its own holding only the installed project
# (with its postgres extra) and the build tools, so nothing from the test set-up slips in.
BUNDLE_VENV := build/bundle-venv
BUNDLE_BIN := $(BUNDLE_VENV)/bin
BUNDLE_STAMP := $(BUNDLE_VENV)/.installed

$(BUNDLE_STAMP): pyproject.toml packaging/requirements.txt
	rm -rf $(BUNDLE_VENV)
	$(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_BIN)/python -m pip install --quiet --upgrade pip
	$(BUNDLE_BIN)/python -m pip install --quiet -r packaging/requirements.txt ".[postgres]"
	touch $(BUNDLE_STAMP)

# This platform's bundle and installer into dist/, then the smoke test (a window on a virtual
# screen: apt-get install xvfb xdotool). With .venv present, the smoke test also compares
# the bundle's messages and start-up time with it.
bundle: $(BUNDLE_STAMP)
	rm -rf build/lib
	$(BUNDLE_BIN)/python -m pip install --quiet --no-deps --force-reinstall .
	$(BUNDLE_BIN)/python packaging/build.py
	$(BUNDLE_BIN)/python packaging/smoke.py dist/organiser $(if $(wildcard $(BIN)/organiser),--compare-venv $(VENV))

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist *.egg-info
