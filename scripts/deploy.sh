#!/usr/bin/env bash
# make deploy: publish to GitHub Pages (the gh-pages branch) only a committed, checked, strictly built site.
# Refuses a dirty tree and an unset or non-https SITE_URL; runs the check and the strict build; then deploys.
set -euo pipefail
BIN=.venv/bin
if [ -n "$(git status --porcelain)" ]; then
  echo "error: uncommitted changes (git status): commit or stash them first; 'make deploy' publishes only what is committed" >&2
  exit 1
fi
case "${SITE_URL:-}" in
  https://*) ;;
  "") echo "error: SITE_URL is not set; run 'SITE_URL=https://<user>.github.io/<repo>/ make deploy'" >&2; exit 1 ;;
  *) echo "error: SITE_URL=${SITE_URL} is not an https:// address; use the published address, e.g. https://<user>.github.io/<repo>/" >&2; exit 1 ;;
esac
"$BIN/python" -m annotated_edition check
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
"$BIN/mkdocs" build --strict --site-dir "$staging"
"$BIN/mkdocs" gh-deploy --strict --no-history ${DEPLOY_ARGS:-}
