# Adstudio: `make run` serves the app, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501

.PHONY: install run test lint format generate plan preview bench clean worker

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m pipeline serve --server.port $(PORT)

# An RQ worker for ADSTUDIO_RUNNER=rq (docs/scale-out.md); ARGS="--burst" stops when idle.
worker: install
	$(PY) -m pipeline worker $(ARGS)

# pytest exits 5 when it collects nothing: that is a failure here, never a pass.
test: install
	$(PY) -m pytest $(ARGS); code=$$?; \
	if [ $$code -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$code

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy pipeline benchmarks

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

generate: install
	$(PY) -m pipeline generate "$(PROMPT)" $(ARGS)

plan: install
	$(PY) -m pipeline plan "$(PROMPT)" $(ARGS)

preview: install
	$(PY) -m pipeline preview "$(PROMPT)" $(ARGS)

bench: install
	$(PY) -m benchmarks.run_all

clean:
	rm -rf data/tmp .pytest_cache .ruff_cache .mypy_cache
