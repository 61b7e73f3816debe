# The annotated edition. Every target installs what it needs on first use.
#   make serve   live preview at http://127.0.0.1:8000 (PORT=8123 for another port); rebuilds when docs/
#                or annotations/ change, restarts when the engine's Python changes, shows problems on the page
#   make deploy  SITE_URL=https://<user>.github.io/<repo>/: check, strict build, then push to gh-pages
#                (REPO_URL, where readers report errors: by default the GitHub repository origin names)
#   make publish-ids  add the new paragraph and note ids to published-ids.txt (after they are published)
#   make build   the site into site/, strict; a failed build leaves the previous site/ untouched
#   make check   validate the annotations and the article without building
#   make schema  rewrite schema/ (the editors' JSON Schema) from the categories in mkdocs.yml
#   make test    the whole test suite, browser tests included (Debian's chromium)
#   make test-fast  the in-process unit tests only (under a minute)
#   make bench   performance figures (table + bench/results.json)
#   make zensical   the same site built by Zensical, then annotated, into site-zensical/

VENV_STAMP := .venv/.installed
BIN := .venv/bin
export NO_MKDOCS_2_WARNING := 1

PORT ?= 8000

.PHONY: serve build check schema test test-fast bench zensical chromium testjs clean deploy publish-ids

$(VENV_STAMP): requirements.txt pyproject.toml
	@bash scripts/bootstrap.sh venv

chromium:
	@bash scripts/bootstrap.sh chromium

# test-only npm packages (tests/js/package-lock.json) and Java, for the anchoring and HTML checker tests
testjs:
	@bash scripts/bootstrap.sh testjs

serve: $(VENV_STAMP)
	@$(BIN)/python scripts/serve.py $(PORT)

# The plugin builds into a staging folder and swaps it in only when the build succeeded.
build: $(VENV_STAMP)
	$(BIN)/mkdocs build --strict && echo "Site written to site/"

check: $(VENV_STAMP)
	@$(BIN)/python -m annotated_edition check

publish-ids: $(VENV_STAMP)
	@$(BIN)/python -m annotated_edition publish-ids

deploy: $(VENV_STAMP)
	@bash scripts/deploy.sh

schema: $(VENV_STAMP)
	@$(BIN)/python -m annotated_edition schema

# Zensical (pinned in requirements.txt) reads mkdocs.yml but runs no MkDocs plugin: build with it
# into a staging folder (a copy of mkdocs.yml pointing there, without the overrides that copy Material's
# own templates: scripts/zensical_config.py), annotate the built site, then move it to site-zensical/.
zensical: $(VENV_STAMP)
	@rm -rf .site-zensical-staging
	@$(BIN)/python scripts/zensical_config.py .site-zensical-staging > /dev/null
	$(BIN)/zensical build -f .zensical.yml || { rm -rf .site-zensical-staging .zensical.yml .zensical-overrides; exit 1; }
	@rm -rf .zensical.yml .zensical-overrides
	$(BIN)/python -m annotated_edition annotate .site-zensical-staging || { rm -rf .site-zensical-staging; exit 1; }
	@rm -rf site-zensical && mv .site-zensical-staging site-zensical && echo "Site written to site-zensical/"

# on every core (pytest-xdist): each worker builds its own copy of the site once; tests that time
# something share one worker with Lighthouse (xdist_group "timed"), so they never run beside it.
# The venv (pip) and the test tools (npm) are installed side by side, after Chromium (apt).
test: chromium
	@$(MAKE) --no-print-directory -j2 $(VENV_STAMP) testjs
	$(BIN)/python -m pytest -n auto --dist loadgroup

test-fast: $(VENV_STAMP)
	$(BIN)/python -m pytest -m "not browser and not build" -q

bench: $(VENV_STAMP) chromium testjs build
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_layout.py

clean:
	rm -rf site .site.staging .site.old site-zensical .site-zensical-staging .zensical.yml .zensical-overrides .cache bench/results.json test-output .pytest_cache
	find scripts tests -name __pycache__ -prune -exec rm -rf {} +
