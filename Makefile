# Vidensbanken: `make run` sets up and serves; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CORPUS_DIR ?= ../shared/corpus
export CORPUS_DIR
DEV := DJANGO_DEBUG=1
MANAGE := $(BIN)/python manage.py

.PHONY: run setup demo test lint format check browser-deps search-up search-down clean

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

# Debian's Chromium for the browser tests; installed when we may, else those tests skip.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "Kunne ikke installere chromium: browsertests springes over"; \
	fi

test: lint check browser-deps
	$(BIN)/pytest

clean:
	rm -rf $(VENV) var test-results
