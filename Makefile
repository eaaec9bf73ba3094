# The two commands of the README: `make run` (install + the site on the example
# scan) and `make test` (install + the whole test suite). Both create .venv.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PORT   ?= 8360

.PHONY: run test bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.geinstalleerd: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@

install: $(VENV)/.geinstalleerd

run: install
	$(BIN)/graaf serve --port $(PORT)

test: install
	./scripts/testomgeving
	$(BIN)/python scripts/audit  # known vulnerabilities in constraints.txt fail the run
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache test-artefacten
