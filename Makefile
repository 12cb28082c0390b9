# Two entry points for a fresh machine (see README): `make serve` and `make test`.
# Both create .venv and install the exact pins and this project (`pip install -e .`, which
# provides the kb-* commands) first; a second run skips what is done. Set-up needs access
# to the package index (PyPI).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-fast build check dev dev-en browser bench clean

$(BIN)/.installed: requirements.txt requirements-test.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## Build both languages strictly, then serve site/ at http://127.0.0.1:$(PORT)/ as static
## hosts do (unknown paths get the 404 page of their language)
serve: build
	$(BIN)/kb-serve --site site --port $(PORT)

## Run the whole test suite (installs Debian's Chromium for the browser tests when root)
test: $(BIN)/.installed browser
	$(BIN)/python -m pytest

## Everything but the browser suite (tests/browser): the fast tier while working (README)
test-fast: $(BIN)/.installed browser
	$(BIN)/python -m pytest -m "not browser"

## Each language on its own (mkdocs.yml, then mkdocs.en.yml into site/en/), strictly.
## `browser` also installs fonts-noto-cjk, which the build draws preview cards with.
## Without SITE_URL the pages link to the local preview's address (a release build to publish:
## `kb-build --release` with SITE_URL and SITE_REPOSITORY set, as the Pages workflow does).
build: $(BIN)/.installed browser
	SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)/}" $(BIN)/kb-build --root $(CURDIR)

## Check the Markdown sources (citations, terms, claims, translations, links)
check: $(BIN)/.installed
	$(BIN)/kb-check

## Live-reloading preview while writing: Chinese (dev) or English (dev-en), one language
## at a time, at http://127.0.0.1:$(PORT)/ (the language switcher leads off the preview)
dev: $(BIN)/.installed browser
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:$(PORT)

dev-en: $(BIN)/.installed browser
	$(BIN)/mkdocs serve --strict -f mkdocs.en.yml -a 127.0.0.1:$(PORT)

browser:
	@scripts/install_browser.sh

## Speed and size figures, written to BENCHMARK.md
bench: $(BIN)/.installed browser
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf site .pytest_cache
