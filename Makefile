# One way to run each check; the README and .ci/run call these targets.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# `make run` and `make test` work from a fresh clone with no configuration. Debug comes
# from here (the environment), never from a file: settings ignore DJANGO_DEBUG in .env.
export DJANGO_DEBUG ?= true

.PHONY: run test lint setup install migrate content static messages translations clean bench scan demo demo-data notify worker

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): $(PY) requirements.txt requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

content: migrate
	$(PY) manage.py load_education

static: install
	$(PY) manage.py collectstatic --noinput --verbosity 0

# Translations: `make messages` gathers the marked strings into locale/es/.../django.po
# (translate them there); `make translations` compiles them (GNU gettext's msgfmt).
messages: install
	$(PY) manage.py makemessages --locale es

translations: install
	@command -v msgfmt >/dev/null 2>&1 || { echo "GNU gettext is needed (apt install gettext, or brew install gettext)"; exit 1; }
	$(PY) manage.py compilemessages --verbosity 0

setup: content static translations

# Serve, with one task worker beside (it sends the clinic's emails); Ctrl-C stops both.
SERVE = $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

run: setup
	$(SERVE)

# Demo clinicians, locations and ~60 synthetic submissions (DEBUG only), then serve.
demo-data: setup
	$(PY) manage.py load_demo

demo: demo-data
	$(SERVE)

# A task worker on its own (production runs it as a service; see the README).
worker: migrate
	$(PY) manage.py db_worker

# Send the due clinic emails once, now, without a worker.
notify: migrate
	$(PY) manage.py send_notifications

# The suite without a browser (`make browser` runs the rest).
test: setup
	$(PY) manage.py check
	$(VENV)/bin/pytest -m "not browser"

.PHONY: node browser audit screenshots

# The page-quality tools (axe-core, Nu HTML Checker, Lighthouse), pinned in package-lock.json.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $(NODE_STAMP)

node: $(NODE_STAMP)

# Journeys in Chromium (/usr/bin/chromium) with axe and the Nu HTML Checker (java);
# screenshots and the HTML checked go to test-artifacts/.
browser: translations $(NODE_STAMP)
	$(VENV)/bin/pytest -m browser

# Lighthouse (mobile) on the home page, a topic and step 1, served as in production.
audit: translations $(NODE_STAMP)
	$(PY) -m audit.run

# Refresh the README's screenshots from a browser run.
SCREENSHOTS := home step-pain-errors urgent-advice result-likely_candidate queue submission
screenshots: browser
	mkdir -p docs/screenshots
	for name in $(SCREENSHOTS); do cp test-artifacts/screenshots/$$name.png docs/screenshots/; done

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles db.sqlite3

# Load test in production mode (gunicorn, PostgreSQL, Redis); writes docs/performance.md.
bench: install
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) -m bench.run

# Web vulnerability scan (wapiti3, own virtualenv) of the app served in production mode.
.venv-scan/bin/wapiti: requirements-scan.txt
	$(PYTHON) -m venv .venv-scan
	.venv-scan/bin/pip install --quiet -r requirements-scan.txt

scan: install .venv-scan/bin/wapiti
	$(PY) -m ops.scan
