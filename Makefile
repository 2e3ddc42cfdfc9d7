# sdkgen: generate typed Python SDKs and docs from the OpenAPI documents in specs/.
# Every target bootstraps .venv on first use (python3 -m venv + pip install -e '.[dev]').

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The install stamp is named by a hash of what pip installs from ([project], [build-system]), so
# editing [tool.sdkgen] (or any other tool's table) does not rebuild the venv.
DEPS_HASH := $(shell $(PYTHON) -c 'import hashlib, json, tomllib; t = tomllib.load(open("pyproject.toml", "rb")); print(hashlib.sha256(json.dumps([t.get("project"), t.get("build-system")], sort_keys=True).encode()).hexdigest()[:16])')
STAMP := $(VENV)/.installed-$(DEPS_HASH)

NODE_STAMP := node_modules/.installed

BENCH_VENV := .bench-venv
BENCH_STAMP := $(BENCH_VENV)/.installed
API ?= extend
FORMAT ?= text
# pytest-xdist, one worker per core (JOBS=1: serial). `test` keeps each module on one worker, in
# file order, so a module fixture (the corpus results, the browser) is computed once and the
# corpus starts first; `conformance` spreads single tests.
JOBS ?= auto
PYTEST := $(PY) -m pytest -q -n $(JOBS)

.PHONY: generate check patches test test-fast conformance browser go java lint golden corpus validate diff bench docs release clean help

help:
	@echo "make generate   regenerate output/ for every API in pyproject.toml [tool.sdkgen]"
	@echo "make check      exit 1 when output/ is not what the generator renders now"
	@echo "make patches    save hand edits of output/ as patches/<api>/ (replayed on generate)"
	@echo "make test       the test suite, in parallel (JOBS=auto), but for the conformance proofs"
	@echo "make test-fast  the same without the tests marked slow (corpus, mypy, browser)"
	@echo "make conformance  the whole-corpus proofs (every corpus SDK against black); CI runs it"
	@echo "make browser    install Debian's chromium with apt-get when missing (the site test needs it)"
	@echo "make go         install Debian's Go toolchain (golang-go) with apt-get when missing (Go tests need it)"
	@echo "make java       install Debian's JDK, Jackson databind and JUnit 5 with apt-get when missing (Java tests need them)"
	@echo "make lint       ruff and mypy --strict on generator/ and tests/"
	@echo "make golden     regenerate the golden trees (tests/golden/) and diagnostics (tests/hostile/)"
	@echo "make docs       the HTML docs site of every API into build/docs/<api>/ (not committed)"
	@echo "make release    wheel + sdist of every SDK into dist/<api>/<target>/, checked and test-installed"
	@echo "make corpus     generate and check every ../shared/corpus spec; table into README.md"
	@echo "                (PASSES=3 times each generation three times and keeps the median)"
	@echo "make validate SPEC=path   diagnostics of one spec"
	@echo "make diff       what changed between the two newest versions in specs/\$$(API) (API=extend)"
	@echo "make bench      both SDKs against raw httpx/fetch and extend-ai; cold generation against"
	@echo "                openapi-python-client and datamodel-code-generator (own venv); streams"
	@echo "                (200 MB download RSS, SSE parser cost); the Go SDK against raw net/http; the Java"
	@echo "                SDK against raw java.net.http and its jar size"

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Dev tools of the TypeScript target (tsc, Node types), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

generate: $(STAMP)
	$(PY) -m generator generate

check: $(STAMP)
	$(PY) -m generator check

# Save hand edits of output/ as patches/<api>/ (replayed by every generate and check).
patches: $(STAMP)
	$(PY) -m generator patches save

test: $(STAMP) $(NODE_STAMP)
	$(PYTEST) --dist loadscope --no-loadscope-reorder -m "not conformance"

test-fast: $(STAMP) $(NODE_STAMP)
	$(PYTEST) --dist loadscope --no-loadscope-reorder -m "not slow and not conformance"

conformance: $(STAMP) $(NODE_STAMP)
	$(PYTEST) --dist load -m conformance
	LINEFIT_EXAMPLES=1000 $(PYTEST) tests/emit/test_linefit.py

# A no-op when Chromium is there; else apt-get (as root, or through sudo), updating the package
# lists only when they do not know chromium or the install fails with the lists it has.
browser:
	@if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; then \
		echo "chromium: $$(command -v chromium || echo /usr/bin/chromium)"; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
		echo "make browser: chromium is missing and apt-get is not here; install Chromium by hand" >&2; \
		exit 1; \
	else \
		if [ "$$(id -u)" = 0 ]; then sudo=; \
		elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
		else echo "make browser: installing chromium needs root or sudo" >&2; exit 1; fi; \
		apt="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get"; \
		if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then \
			$$apt update; \
		fi; \
		$$apt install -y chromium || { $$apt update && $$apt install -y chromium; }; \
	fi

# The Go target's toolchain, the same way: Debian's golang-go when `go` is missing. Tests run it
# offline (GOPROXY=off): the generated module needs nothing outside the standard library.
go:
	@if command -v go >/dev/null 2>&1; then \
		echo "go: $$(command -v go) ($$(go version))"; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
		echo "make go: go is missing and apt-get is not here; install Go 1.19 or newer by hand" >&2; \
		exit 1; \
	else \
		if [ "$$(id -u)" = 0 ]; then sudo=; \
		elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
		else echo "make go: installing golang-go needs root or sudo" >&2; exit 1; fi; \
		apt="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get"; \
		if ! apt-cache policy golang-go 2>/dev/null | grep -q 'Candidate: [0-9]'; then \
			$$apt update; \
		fi; \
		$$apt install -y golang-go || { $$apt update && $$apt install -y golang-go; }; \
	fi

# The Java target's toolchain, the same way: Debian's JDK, Jackson databind and JUnit 5 (jars
# under /usr/share/java) when one is missing. No Gradle, no Maven: the tests call javac and JUnit's
# console launcher against those jars.
JAVA_PACKAGES = default-jdk-headless libjackson2-databind-java junit5
java:
	@if command -v javac >/dev/null 2>&1 && [ -f /usr/share/java/jackson-databind.jar ] \
		&& [ -f /usr/share/java/junit-platform-console-standalone.jar ]; then \
		echo "java: $$(command -v javac) ($$(javac -version 2>&1)), Jackson and JUnit 5 in /usr/share/java"; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
		echo "make java: a JDK 11+, Jackson databind or JUnit 5 is missing and apt-get is not here" >&2; \
		exit 1; \
	else \
		if [ "$$(id -u)" = 0 ]; then sudo=; \
		elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
		else echo "make java: installing $(JAVA_PACKAGES) needs root or sudo" >&2; exit 1; fi; \
		apt="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get"; \
		if ! apt-cache policy junit5 2>/dev/null | grep -q 'Candidate: [0-9]'; then \
			$$apt update; \
		fi; \
		$$apt install -y $(JAVA_PACKAGES) || { $$apt update && $$apt install -y $(JAVA_PACKAGES); }; \
	fi

lint: $(STAMP)
	$(PY) -m ruff check generator tests bench
	$(PY) -m ruff format --check generator tests bench
	$(PY) -m mypy --strict generator tests

golden: $(STAMP)
	$(PY) -m tests.golden.regenerate
	$(PY) -m tests.hostile.regenerate

release: $(STAMP) $(NODE_STAMP) go java
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
	$(PY) bench/streams.py
	$(PY) bench/go.py
	$(PY) bench/java.py

clean:
	rm -rf $(VENV) $(BENCH_VENV) .bench-node node_modules .sdkgen-cache .mypy_cache .pytest_cache .ruff_cache
