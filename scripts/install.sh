#!/usr/bin/env bash
# Create .venv and install zonekg into it. With --test: also the test extras and the
# Debian packages the browser and server tests need (chromium, CJK fonts, Virtuoso).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
if [[ "${1:-}" == "--test" ]]; then
  if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk virtuoso-opensource >/dev/null
  fi
  .venv/bin/pip install --quiet -e '.[test]'
else
  .venv/bin/pip install --quiet -e .
fi
