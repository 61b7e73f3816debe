#!/usr/bin/env bash
# Set up what the make targets need, idempotently:
#   scripts/bootstrap.sh venv      -> .venv with the exact pins of requirements.txt and the plugin (pip install -e .)
#   scripts/bootstrap.sh chromium  -> Debian's chromium at /usr/bin/chromium (for browser tests) and
#                                     poppler-utils (pdfinfo, pdftoppm: the print tests read the PDF)
#   scripts/bootstrap.sh testjs    -> tests/js/node_modules (npm ci: the anchoring libraries, esbuild and
#                                     the W3C Nu HTML Checker, vnu-jar) and Java to run the checker
# Installs Debian packages with apt-get only when they are missing and we are root (or have
# passwordless sudo); otherwise says exactly what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "error: missing Debian package(s): $*. Install them with: sudo apt-get install -y $*" >&2
      exit 1
    fi
  fi
  echo "Installing Debian package(s): $* (apt-get)..."
  # (make test installs the venv and the test tools side by side: one apt-get waits for the other's lock)
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null
}

case "${1:-}" in
  venv)
    PY="${PYTHON:-python3}"
    if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "error: Python 3.11 or newer is needed as '$PY' (set PYTHON=/path/to/python3.11)" >&2; exit 1
    fi
    if [ ! -x .venv/bin/python ]; then
      if ! "$PY" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        apt_install python3-venv
        "$PY" -m venv .venv
      fi
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
    # the engine, as the MkDocs plugin 'annotated-edition' (editable: scripts/annotated_edition is live)
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
    touch .venv/.installed
    ;;
  chromium)
    if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
      apt_install chromium
    fi
    if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
      apt_install poppler-utils
    fi
    ;;
  testjs)
    if ! command -v npm >/dev/null 2>&1; then apt_install nodejs npm; fi
    if ! command -v java >/dev/null 2>&1; then apt_install default-jre-headless; fi
    if [ ! -f tests/js/node_modules/.installed ] || [ tests/js/package-lock.json -nt tests/js/node_modules/.installed ]; then
      npm ci --prefix tests/js --no-audit --no-fund --ignore-scripts --loglevel=error
      touch tests/js/node_modules/.installed
    fi
    ;;
  *)
    echo "usage: scripts/bootstrap.sh venv|chromium|testjs" >&2; exit 2 ;;
esac
