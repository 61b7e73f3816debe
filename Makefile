# The annotated edition. Every target installs what it needs on first use.
#   make serve   live preview at http://127.0.0.1:8000 (rebuilds when docs/ or annotations/ change)
#   make build   the site into site/, strict; a failed build leaves the previous site/ untouched
#   make check   validate the annotations and the article without building
#   make test    the whole test suite, browser tests included (Debian's chromium)
#   make bench   performance figures (table + bench/results.json)

VENV_STAMP := .venv/.installed
BIN := .venv/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check test bench chromium clean

$(VENV_STAMP): requirements.txt
	@bash scripts/bootstrap.sh venv

chromium:
	@bash scripts/bootstrap.sh chromium

serve: $(VENV_STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV_STAMP)
	@rm -rf .site-staging
	$(BIN)/mkdocs build --strict --site-dir .site-staging || { rm -rf .site-staging; exit 1; }
	@rm -rf site && mv .site-staging site && echo "Site written to site/"

check: $(VENV_STAMP)
	@PYTHONPATH=scripts $(BIN)/python -m edition.check mkdocs.yml

test: $(VENV_STAMP) chromium
	$(BIN)/python -m pytest

bench: $(VENV_STAMP) chromium
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .site-staging bench/results.json test-output .pytest_cache
