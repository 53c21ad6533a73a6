# Set-up and everyday commands. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: all install install-test figures test lint lab bench clean

all: test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files so the install runs again only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e ".[test,notebooks]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

figures: $(VENV)/.installed
	$(PY) scripts/make_figures.py

test: $(VENV)/.installed-test
	$(PY) -m pytest

lint: $(VENV)/.installed-test
	$(PY) -m pip install --quiet ruff
	$(PY) -m ruff check corpusstats tests

lab: $(VENV)/.installed-test
	$(VENV)/bin/jupyter lab notebooks/

bench: $(VENV)/.installed-test
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) .venv-* .pytest_cache build *.egg-info
