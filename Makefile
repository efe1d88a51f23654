# Vidensbanken: `make run` sets up and serves; `make test` runs the whole suite.
SHELL := /bin/bash
# The distribution's Python 3.11 first, where it can make a virtual environment: Debian builds
# it with profile-guided optimisation, and the search page ran a sixth faster on it than on a
# plain source build such as pyenv's (bench/search.py).
PYTHON ?= $(shell for python in /usr/bin/python3.11 python3.11 python3; do \
	$$python -c 'import ensurepip, venv' 2>/dev/null && command -v $$python && break; done)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CORPUS_DIR ?= ../shared/corpus
export CORPUS_DIR
DEV := DJANGO_DEBUG=1
MANAGE := $(BIN)/python manage.py

.PHONY: run setup demo test lint format check messages browser-deps mail-deps search-deps search-up search-down search-eval clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed
	$(DEV) $(MANAGE) migrate --noinput -v 0
	$(DEV) $(MANAGE) ensure_admin

demo: setup
	$(DEV) $(MANAGE) load_demo_content

run: demo
	@echo "Vidensbanken kører på http://$(HOST):$(PORT)/ (stop med Ctrl-C)"
	$(DEV) $(MANAGE) runserver $(HOST):$(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(VENV)/.installed
	$(DEV) $(MANAGE) check
	$(DEV) $(MANAGE) makemigrations --check --dry-run

# Danish for Wagtail's admin (locale/). The .mo files are committed, so nothing else needs GNU
# gettext; rebuild them with it after editing a .po (a test fails until you do).
messages:
	for po in locale/*/LC_MESSAGES/*.po; do msgfmt --check --output-file=$${po%.po}.mo $$po; done

# Debian's Chromium for the browser tests; installed when we may, else those tests skip.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "Kunne ikke installere chromium: browsertests springes over"; \
	fi

# Debian's Dovecot for the mail tests (they start a private IMAP server); else they skip.
mail-deps:
	@if [ ! -x /usr/sbin/dovecot ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null) \
		|| echo "Kunne ikke installere dovecot-imapd: mailtestene springes over"; \
	fi

test: lint check browser-deps search-deps mail-deps
	$(BIN)/pytest

# The search engine build for the tests (they start and stop their own node); fetched when
# Java and Maven are here, else the engine half of the search tests skips (fails under CI=true).
search-deps:
	@if command -v java >/dev/null && command -v mvn >/dev/null; then scripts/elasticsearch.sh fetch; \
	else echo "java/mvn mangler: søgemaskinetestene springes over"; fi

ES_PORT ?= 9201
SEARCH_ENGINE ?= opensearch
export ES_PORT SEARCH_ENGINE
SEARCH_ENV := $(DEV) ELASTICSEARCH_URL=http://127.0.0.1:$(ES_PORT) ELASTICSEARCH_TIMEOUT=30

search-up:
	scripts/elasticsearch.sh start

search-down:
	scripts/elasticsearch.sh stop

# Relevance on the corpus queries, on PostgreSQL and on the engine.
search-eval: setup search-up
	$(SEARCH_ENV) $(MANAGE) import_corpus $(CORPUS_DIR) >/dev/null
	$(SEARCH_ENV) $(MANAGE) update_index >/dev/null
	$(SEARCH_ENV) $(MANAGE) rebuild_search_vocabulary
	$(SEARCH_ENV) $(MANAGE) search_eval $(CORPUS_DIR)/queries/public.tsv

clean:
	rm -rf $(VENV) var test-results
