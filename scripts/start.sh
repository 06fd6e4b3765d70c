#!/usr/bin/env bash
# `npm start`: builds when the sources changed since the last build, then runs the standalone server.
# Reads .env if present; variables already set in the environment win.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then
  while IFS='=' read -r k v; do
    [[ "$k" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
    [ -n "${!k:-}" ] || export "$k=${v%\"}"
  done < <(sed -e 's/^export //' -e 's/="/=/' .env)
fi
hash=$( (git ls-files -s 2>/dev/null || find app components lib public -type f -exec sha1sum {} +) | sha1sum | cut -c1-16)
if [ ! -f .next/standalone/benchtop-server.cjs ] || [ "$(cat .next/source-hash 2>/dev/null)" != "$hash" ]; then
  echo "[benchtop] building (first run or sources changed)…"
  npm run build
  echo "$hash" > .next/source-hash
fi
export PORT="${PORT:-3000}" HOSTNAME="${HOSTNAME_BIND:-0.0.0.0}"
export DATA_DIR="$(realpath -m "${DATA_DIR:-./data}")"
echo "[benchtop] http://localhost:$PORT"
exec node .next/standalone/benchtop-server.cjs
