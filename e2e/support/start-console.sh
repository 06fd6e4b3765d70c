#!/usr/bin/env bash
# Starts the built standalone server for e2e on a fresh database, logging to $E2E_LOG_FILE.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f .next/standalone/benchtop-server.cjs ] || { echo "No build: run 'npm run build' first" >&2; exit 1; }
rm -rf "$DATA_DIR"
mkdir -p "$(dirname "$E2E_LOG_FILE")"
if [ -n "${DATABASE_URL:-}" ]; then
  npx tsx e2e/support/fresh-database.ts  # a fresh database for every run
fi
export DATA_DIR="$(realpath -m "$DATA_DIR")"
exec node .next/standalone/benchtop-server.cjs > >(tee "$E2E_LOG_FILE") 2>&1
