# One target per task. `make build` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
ARGS ?=
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv build serve check test bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

build: $(STAMP)  ## build the site from data/ into site/
	$(PY) -m generator build --data data --out site

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000, rebuilt when a data file changes
	$(PY) -m generator serve --data data

check: $(STAMP)  ## check the data only
	$(PY) -m generator check --data data

test: $(STAMP)  ## run every test
	$(PY) -m pytest $(ARGS)

bench: $(STAMP)  ## time the build of the sample site
	$(PY) bench/bench.py

clean:
	rm -rf site .pytest_cache
