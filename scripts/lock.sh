#!/usr/bin/env bash
# Regenerate the hash-pinned requirement files from pyproject.toml after a dependency change.
# scripts/install.sh installs only what these files name, each file checked against its sha256.
# Versions already pinned stay where they are unless pyproject.toml asks otherwise (pass --upgrade to lift them).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(mktemp -d)
python3 -m venv "$tools"
"$tools/bin/pip" install --quiet pip-tools==7.6.2
compile=("$tools/bin/pip-compile" --quiet --generate-hashes --no-emit-index-url --no-emit-find-links --strip-extras "$@")
"${compile[@]}" --output-file=scripts/requirements.txt pyproject.toml
"${compile[@]}" --extra=test --output-file=scripts/requirements-test.txt pyproject.toml
rm -rf "$tools"
