# Two entry points for a fresh machine (see README): `make serve` and `make test`.
# Both create .venv and install the exact pins first; a second run skips what is done.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check dev browser bench clean

$(BIN)/.installed: requirements.txt requirements-test.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	touch $@

## Build the site strictly, then serve the built site/ at http://127.0.0.1:$(PORT)/
serve: build
	@echo "Serving site/ at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/python -m http.server --directory site --bind 127.0.0.1 $(PORT)

## Run the whole test suite (installs Debian's Chromium for the browser tests when root)
test: $(BIN)/.installed browser
	$(BIN)/python -m pytest

# `browser` also installs fonts-noto-cjk, which the build draws preview cards with.
build: $(BIN)/.installed browser
	$(BIN)/mkdocs build --strict

## Check the Markdown sources (citations, terms, claims, translations, links)
check: $(BIN)/.installed
	$(BIN)/python scripts/check_content.py

## Live-reloading preview while writing
dev: $(BIN)/.installed browser
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:$(PORT)

browser:
	@scripts/install_browser.sh

## Speed and size figures, written to BENCHMARK.md
bench: $(BIN)/.installed browser
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf site .pytest_cache
