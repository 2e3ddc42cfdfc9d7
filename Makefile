# sdkgen: generate typed Python SDKs and docs from the OpenAPI documents in specs/.
# Every target bootstraps .venv on first use (python3 -m venv + pip install -e '.[dev]').

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate check test test-fast lint golden corpus validate clean help

help:
	@echo "make generate   regenerate output/ for every API in pyproject.toml [tool.sdkgen]"
	@echo "make check      exit 1 when output/ is not what the generator renders now"
	@echo "make test       the whole test suite (make test-fast skips the slow tests)"
	@echo "make lint       ruff and mypy --strict on generator/ and tests/"
	@echo "make golden     regenerate the golden trees under tests/golden/"
	@echo "make corpus     generate and check every ../shared/corpus spec; table into README.md"
	@echo "                (PASSES=3 times each generation three times and keeps the median)"
	@echo "make validate SPEC=path   diagnostics of one spec"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

generate: $(STAMP)
	$(PY) -m generator generate

check: $(STAMP)
	$(PY) -m generator check

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(PY) -m ruff check generator tests
	$(PY) -m ruff format --check generator tests
	$(PY) -m mypy --strict generator tests

golden: $(STAMP)
	$(PY) -m tests.golden.regenerate

corpus: $(STAMP)
	$(PY) -m tests.corpus.table

validate: $(STAMP)
	$(PY) -m generator validate $(SPEC)

clean:
	rm -rf $(VENV) .sdkgen-cache .mypy_cache .pytest_cache .ruff_cache
