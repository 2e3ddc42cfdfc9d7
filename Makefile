# sdkgen: generate typed Python SDKs and docs from the OpenAPI documents in specs/.
# Every target bootstraps .venv on first use (python3 -m venv + pip install -e '.[dev]').

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

NODE_STAMP := node_modules/.installed

BENCH_VENV := .bench-venv
BENCH_STAMP := $(BENCH_VENV)/.installed
API ?= extend
FORMAT ?= text

.PHONY: generate check test test-fast lint golden corpus validate diff bench docs release clean help

help:
	@echo "make generate   regenerate output/ for every API in pyproject.toml [tool.sdkgen]"
	@echo "make check      exit 1 when output/ is not what the generator renders now"
	@echo "make test       the whole test suite (make test-fast skips the slow tests)"
	@echo "make lint       ruff and mypy --strict on generator/ and tests/"
	@echo "make golden     regenerate the golden trees (tests/golden/) and diagnostics (tests/hostile/)"
	@echo "make docs       the HTML docs site of every API into build/docs/<api>/ (not committed)"
	@echo "make release    wheel + sdist of every SDK into dist/<api>/<target>/, checked and test-installed"
	@echo "make corpus     generate and check every ../shared/corpus spec; table into README.md"
	@echo "                (PASSES=3 times each generation three times and keeps the median)"
	@echo "make validate SPEC=path   diagnostics of one spec"
	@echo "make diff       what changed between the two newest versions in specs/\$$(API) (API=extend)"
	@echo "make bench      both SDKs against raw httpx/fetch and extend-ai; cold generation against"
	@echo "                openapi-python-client and datamodel-code-generator (own venv)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Dev tools of the TypeScript target (tsc, Node types), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

generate: $(STAMP)
	$(PY) -m generator generate

check: $(STAMP)
	$(PY) -m generator check

test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(PY) -m ruff check generator tests
	$(PY) -m ruff format --check generator tests
	$(PY) -m mypy --strict generator tests

golden: $(STAMP)
	$(PY) -m tests.golden.regenerate
	$(PY) -m tests.hostile.regenerate

release: $(STAMP)
	$(PY) -m generator release

docs: $(STAMP)
	$(PY) -m generator docs --out build/docs

corpus: $(STAMP)
	$(PY) -m tests.corpus.table

validate: $(STAMP)
	$(PY) -m generator validate $(SPEC)

diff: $(STAMP)
	$(PY) -m generator diff --format $(FORMAT) $(shell ls specs/$(API)/*.yaml specs/$(API)/*.yml specs/$(API)/*.json 2>/dev/null | sort | tail -n 2)

# The bench venv holds the peers (the official extend-ai SDK) apart from the dev venv.
$(BENCH_STAMP):
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet extend-ai httpx pydantic
	$(BENCH_VENV)/bin/python -m pip install --quiet openapi-python-client datamodel-code-generator
	@touch $(BENCH_STAMP)

# Node peers of the TypeScript bench (extend-ai, @hey-api/openapi-ts, Prism), apart from the project.
BENCH_NODE := .bench-node/.installed
$(BENCH_NODE): bench/node/package.json
	mkdir -p .bench-node/extend-only
	cp bench/node/package.json .bench-node/package.json
	cd .bench-node && npm install --no-audit --no-fund --no-package-lock --loglevel=error
	echo '{"private": true}' > .bench-node/extend-only/package.json
	version=$$(node -p 'require("./bench/node/package.json").dependencies["extend-ai"]') && \
		cd .bench-node/extend-only && npm install --no-audit --no-fund --no-package-lock \
		--loglevel=error "extend-ai@$$version"
	@touch $(BENCH_NODE)

bench: $(STAMP) $(BENCH_STAMP) $(NODE_STAMP) $(BENCH_NODE)
	$(PY) -m generator check
	$(BENCH_VENV)/bin/python bench/sdk_overhead.py
	$(PY) -m generator.diff.bench
	$(BENCH_VENV)/bin/python bench/generation.py
	$(PY) bench/typescript.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) .bench-node node_modules .sdkgen-cache .mypy_cache .pytest_cache .ruff_cache
