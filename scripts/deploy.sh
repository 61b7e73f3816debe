#!/usr/bin/env bash
# make deploy: publish to GitHub Pages (the gh-pages branch) only a committed, checked, strictly built site.
# Refuses a dirty tree, an unset or non-https SITE_URL and a site without REPO_URL (see below); runs the check and the strict build; then deploys.
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
# Where readers report errors (mkdocs.yml's repo_url: the header's "Report an error" link, the About page's
# Corrections): REPO_URL, or the GitHub repository that origin names; never a published edition without it.
if [ -z "${REPO_URL:-}" ]; then
  origin=$(git remote get-url origin 2>/dev/null || true) REPO_URL=""
  case "$origin" in
    git@github.com:*) REPO_URL="https://github.com/${origin#git@github.com:}" ;;
    https://github.com/*) REPO_URL="$origin" ;;
  esac
  REPO_URL="${REPO_URL%.git}"
fi
if [ -z "${REPO_URL:-}" ]; then
  echo "error: REPO_URL is not set and origin is not a GitHub repository; readers need somewhere to report errors:" \
       "run 'REPO_URL=https://github.com/<user>/<repo> SITE_URL=${SITE_URL} make deploy'" >&2
  exit 1
fi
export REPO_URL
"$BIN/python" -m annotated_edition check
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
"$BIN/mkdocs" build --strict --site-dir "$staging"
"$BIN/mkdocs" gh-deploy --strict --no-history ${DEPLOY_ARGS:-}
