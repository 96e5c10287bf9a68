# One target per task. `make build` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
ARGS ?=
DATA ?= data
KIND ?=
PERIOD ?=
KY ?=
NGAY ?=
LY_DO ?=
BASE ?= origin/main
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv build serve check checklist new publish correct diff test bench lighthouse clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

# axe-core and Lighthouse for the browser tests (tests/browser), pinned in its package-lock.json
NODE_DEPS := tests/browser/node_modules/.package-lock.json
$(NODE_DEPS): tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then cd tests/browser && npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm is not installed: the browser tests will say what they could not run"; fi

build: $(STAMP)  ## build the site from data/ into site/
	$(PY) -m generator build --data data --out site

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000, rebuilt when a data file changes
	$(PY) -m generator serve --data data

check: $(STAMP)  ## check the data only, then the monthly checklist
	$(PY) -m generator check --data "$(DATA)"

checklist: $(STAMP)  ## what the latest month and the next period to publish still lack
	$(PY) -m generator checklist --data "$(DATA)"

new: $(STAMP)  ## a new data file from its template: make new KIND=khao-sat [PERIOD=2025-01]; a new commune: make new KIND=xa DATA=folder
	@test -n "$(KIND)" || { echo 'Thiếu loại dữ liệu. Ví dụ: make new KIND=khao-sat PERIOD=2025-01'; exit 2; }
	$(PY) -m generator new "$(KIND)" $(if $(PERIOD),--period "$(PERIOD)") --data "$(DATA)"

publish: $(STAMP)  ## publish a period: make publish KY=2025-01 [NGAY=2025-02-05]
	@test -n "$(KY)" || { echo 'Thiếu kỳ công bố. Ví dụ: make publish KY=2025-01'; exit 2; }
	$(PY) -m generator publish "$(KY)" $(if $(NGAY),--date "$(NGAY)") --data "$(DATA)"

correct: $(STAMP)  ## record a correction of published figures: make correct LY_DO="..." [NGAY=2025-02-10]
	@test -n "$(LY_DO)" || { echo 'Thiếu lý do đính chính. Ví dụ: make correct LY_DO="Bổ sung phản ánh nhập muộn"'; exit 2; }
	$(PY) -m generator correct --reason "$(LY_DO)" $(if $(NGAY),--date "$(NGAY)") --data "$(DATA)"

diff: $(STAMP)  ## published figures this change alters, against a branch: make diff [BASE=origin/main]
	$(PY) -m generator diff "$(BASE)" --data "$(DATA)"

test: $(STAMP) $(NODE_DEPS)  ## run every test (the browser tests need /usr/bin/chromium)
	$(PY) -m pytest $(ARGS)

bench: $(STAMP)  ## time the build of the sample and of synthetic sets up to 100x (bench/README.md); ARGS=--quick for a short run
	$(PY) bench/bench.py $(ARGS)

lighthouse: $(STAMP) $(NODE_DEPS)  ## page weights and Lighthouse scores of the sample site, as in the README
	$(PY) tests/browser/measure.py $(ARGS)

clean:
	rm -rf site .pytest_cache .cache/generator
