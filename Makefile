# The front door: `make demo` and `make test`. Everything they need is installed from this repository's files.
SHELL := /bin/bash
PY := .venv/bin/python
UV := $(shell command -v uv 2>/dev/null || echo .venv-tools/bin/uv)
export ANSCHLUSS_VAR_DIR ?= $(CURDIR)/var
# Two workers: the machines have two cores.
PYTEST_ARGS ?= -n 2 -p no:warnings
# The demo's port (make demo PORT=8080 when 8000 is taken).
PORT ?= 8000

.PHONY: demo test lint setup venv assets messages migrate pytest makemessages clean check-deploy bench

setup: venv assets messages

# Python: uv from PATH, or installed with pip into a tools venv when missing; then the locked dependencies.
venv: .venv/.synced
.venv/.synced: pyproject.toml uv.lock
	@if [ ! -x "$(UV)" ]; then python3 -m venv .venv-tools && .venv-tools/bin/pip install --quiet uv; fi
	$(UV) sync --frozen --python python3.11
	@touch $@

# Front end: KERN UX, htmx, Leaflet and axe-core from npm, copied into anschluss/static/vendor.
assets: anschluss/static/vendor/.copied
anschluss/static/vendor/.copied: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf anschluss/static/vendor && mkdir -p anschluss/static/vendor/{kern,htmx,leaflet,axe}
	cp -r node_modules/@kern-ux/native/dist/. anschluss/static/vendor/kern/
	cp node_modules/@kern-ux/native/LICENSE.md anschluss/static/vendor/kern/
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE anschluss/static/vendor/htmx/
	cp -r node_modules/leaflet/dist/. anschluss/static/vendor/leaflet/
	cp node_modules/axe-core/axe.min.js node_modules/axe-core/LICENSE anschluss/static/vendor/axe/
	@touch $@

# Translations: compiled with polib, so no system gettext is needed to run the platform.
messages: venv
	$(PY) -m anschluss.core.i18n compile

# Needs GNU gettext (xgettext): regenerate the catalogues after changing user-facing strings.
makemessages: venv
	$(PY) manage.py makemessages --locale de --locale en --no-obsolete --ignore 'node_modules/*' --ignore '.venv/*' --ignore 'var/*'

# A development database: DEBUG on (so a secret key is generated under var/) unless the environment says otherwise.
migrate: export DEBUG ?= 1
migrate: setup
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable

# The demo: runserver, and beside it the periodic tasks (reminders, expiry, digests) in a second process,
# `manage.py run_periodic`, which ends with runserver (the trap), Ctrl+C included.
demo: export ANSCHLUSS_DEMO = 1
demo: export DEBUG = 1
demo: migrate
	$(PY) manage.py load_demo
	@echo ""
	@echo "Anschluss is running on http://127.0.0.1:$(PORT)/dortmund/ (stop with Ctrl+C)"
	@echo "The periodic tasks run beside it (manage.py run_periodic); their runs are logged here."
	$(PY) manage.py run_periodic & periodic=$$!; \
	  trap 'kill -TERM $$periodic 2>/dev/null; wait $$periodic 2>/dev/null' EXIT; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	ANSCHLUSS_TESTING=1 $(PY) -m mypy anschluss
	$(PY) -m djlint anschluss/templates --lint
	ANSCHLUSS_TESTING=1 DATABASE_URL=sqlite:///:memory: $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m anschluss.core.i18n check

pytest: setup
	mkdir -p $(ANSCHLUSS_VAR_DIR)/static
	ANSCHLUSS_TESTING=1 $(PY) -m pytest --create-db $(PYTEST_ARGS)

test: lint pytest

check-deploy: setup
	SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | base64 | tr -dc A-Za-z0-9) ALLOWED_HOSTS=anschluss.example.org \
	  $(PY) manage.py check --deploy --fail-level WARNING

# Benchmarks (never part of make test): every bench/bench_*.py, each against its peer in the same run.
bench: setup
	@for script in bench/bench_*.py; do [ -e "$$script" ] || continue; echo "== $$script"; $(PY) "$$script" || exit 1; done

clean:
	rm -rf .venv .venv-tools node_modules anschluss/static/vendor var
