# Adstudio: `make run` serves the app, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501
# Every machine installs the same versions: the ones the tests passed with (make lock).
CONSTRAINTS := constraints.txt

.PHONY: install run test lint format lock generate plan preview bench clean worker

$(STAMP): requirements.txt requirements-dev.txt $(CONSTRAINTS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt -c $(CONSTRAINTS)
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

# After changing requirements*.txt and passing the tests: pin what is installed now.
lock:
	{ echo "# Exact versions the tests passed with (Python 3.11). Regenerate: make lock"; \
	  $(PY) -m pip freeze --exclude-editable | grep -v ' @ '; } > $(CONSTRAINTS)

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
