#!/usr/bin/env bash
# Start a throwaway SPARQL server on 127.0.0.1 for trying zonekg against a remote store:
#   scripts/sparql-servers.sh oxigraph|virtuoso [--dir DATA_DIR]
# It prints the ZONEKG_SPARQL_* exports to use and stops on Ctrl-C. The contract tests
# start the same servers themselves (tests/contract/servers.py).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m tests.contract.servers "$@"
