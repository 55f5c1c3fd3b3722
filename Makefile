# Two commands for a fresh machine: `make serve` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000
# The convention that old addresses redirect to and commands act on (see CHANGELOG.md).
export PLENARY_DEFAULT_CONVENTION ?= CCM

.PHONY: setup serve test lint test-sqlite test-postgresql chromium libreoffice wrk icu bench lock clean \
	nginx prod-check messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installs are stamped so that a second `make serve` starts in seconds.
$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml | icu
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e . 2>/dev/null \
		|| $(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $@

## setup: virtual environment, install, migrate the SQLite database in var/, load reference data
setup: $(VENV)/.installed
	@mkdir -p var
	$(BIN)/plenary migrate --no-input --verbosity 0
	$(BIN)/plenary load_reference
	@$(BIN)/plenary demo_users

## serve: set up, then serve on http://127.0.0.1:8000 with the background worker (e-mail)
## and the scheduler (silence procedures, reminders, clean-ups: core/scheduler.py)
serve: setup
	@echo "plenary is at http://$(HOST):$(PORT)/ (sign in as 'secretariat', password 'plenary-demo')"
	@$(BIN)/plenary db_worker & WORKER=$$!; \
		$(BIN)/plenary scheduler & SCHEDULER=$$!; \
		trap 'kill $$WORKER $$SCHEDULER 2>/dev/null; wait $$WORKER $$SCHEDULER 2>/dev/null' EXIT INT TERM; \
		$(BIN)/plenary runserver $(HOST):$(PORT)

## icu: the ICU headers that PyICU (collation by language) builds against, when missing
icu:
	@pkg-config --exists icu-uc 2>/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; }

## node_modules: axe-core for the browser tests' accessibility checks (package-lock.json)
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

## chromium: Debian's chromium for the browser tests, when it is missing
chromium:
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

## wrk: Debian's HTTP load generator, for the benchmark, when it is missing
wrk:
	@command -v wrk >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk >/dev/null; }

## bench: a decade of records on PostgreSQL and SQLite, served by gunicorn, loaded by wrk
bench: $(VENV)/.installed wrk
	$(BIN)/python -m bench.run

## nginx: Debian's nginx, Redis and the PostgreSQL client for prod-check, when missing
nginx:
	@command -v nginx >/dev/null && command -v redis-server >/dev/null && command -v psql >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		$$SUDO apt-get install -y -qq nginx redis-server postgresql-client >/dev/null; }

## prod-check: the production layout on loopback (nginx, two gunicorn processes, worker,
## scheduler, Redis, PostgreSQL database plenary_prodcheck), smoke-tested, then stopped
prod-check: $(VENV)/.installed nginx
	$(BIN)/python deploy/prod_check.py

## libreoffice: Debian's LibreOffice Writer and poppler for the drafting tests, when missing
libreoffice:
	@command -v libreoffice >/dev/null && command -v pdftoppm >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		$$SUDO apt-get install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null; }

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench deploy
	$(BIN)/ruff format --check src tests bench deploy
	$(BIN)/plenary makemigrations --check --dry-run --verbosity 0

test-sqlite: $(VENV)/.installed-dev chromium libreoffice
	env -u DATABASE_URL $(BIN)/pytest -n 2 --dist worksteal -q --durations=20

test-postgresql: $(VENV)/.installed-dev chromium libreoffice
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest -n 2 --dist worksteal -q --durations=20

## test: set up with the development tools, lint, then every test on SQLite and on PostgreSQL
test: $(VENV)/.installed-dev node_modules/.installed chromium libreoffice lint
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ] || $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
		$(MAKE) --no-print-directory test-postgresql; \
	else \
		echo "PostgreSQL: no DATABASE_URL and nothing on 127.0.0.1:5432; skipped"; \
	fi

## messages: re-extract the catalogues of every language in settings.LANGUAGES from the
## sources (ignoring tests, node_modules, .venv), then compile them (scripts/messages.py)
messages: $(VENV)/.installed
	$(BIN)/python scripts/messages.py

## lock: re-pin every dependency after a change to pyproject.toml
lock:
	rm -rf /tmp/plenary-lock && $(PYTHON) -m venv /tmp/plenary-lock
	/tmp/plenary-lock/bin/pip install --quiet . && /tmp/plenary-lock/bin/pip freeze --exclude plenary > requirements.lock
	/tmp/plenary-lock/bin/pip install --quiet '.[dev]' && /tmp/plenary-lock/bin/pip freeze --exclude plenary > requirements-dev.lock

clean:
	rm -rf $(VENV) var
