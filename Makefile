# Set-up and everyday commands. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: all install install-test figures test test-mpl310 lint lab bench clean

all: test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files so the install runs again only when pyproject.toml changes.
# ci/constraints.txt pins the drawing stack the committed figures were made with.
$(VENV)/.installed: pyproject.toml ci/constraints.txt | $(VENV)/bin/python
	$(PIP) install --quiet -e . -c ci/constraints.txt
	touch $@

$(VENV)/.installed-test: pyproject.toml ci/constraints.txt | $(VENV)/bin/python
	$(PIP) install --quiet -e ".[test,notebooks]" -c ci/constraints.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

figures: $(VENV)/.installed
	$(PY) scripts/make_figures.py

test: $(VENV)/.installed-test
	$(PY) -m pytest
	$(MAKE) test-mpl310

# The chart tests again on matplotlib 3.10, which does not shape Arabic itself.
MPL310 := .venv-mpl310
$(MPL310)/.installed: pyproject.toml ci/mpl310.txt
	$(PYTHON) -m venv $(MPL310)
	$(MPL310)/bin/python -m pip install --quiet -e ".[test]" -c ci/mpl310.txt
	touch $@

test-mpl310: $(MPL310)/.installed
	$(MPL310)/bin/python -m pytest -p no:cacheprovider tests/test_plot_text.py tests/test_plot_shaping.py \
		tests/test_plot_charts.py tests/test_plot_figures.py corpusstats/plot

lint: $(VENV)/.installed-test
	$(PY) -m pip install --quiet ruff
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

lab: $(VENV)/.installed-test
	$(VENV)/bin/jupyter lab notebooks/

$(VENV)/.installed-bench: pyproject.toml ci/constraints.txt $(VENV)/.installed-test
	$(PIP) install --quiet -e ".[test,notebooks,bench]" -c ci/constraints.txt
	touch $@

bench: $(VENV)/.installed-bench
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) .venv-* .pytest_cache build *.egg-info
