#!/usr/bin/env bash
# `npm run demo`: the console wired to the built-in upstream emulator, for a tour without an API key.
# Ctrl-C, SIGTERM, SIGHUP, or either process ending stops both, with everything they started: each
# runs in a process group of its own (set -m) and the whole group is signalled. (package.json runs
# this with `exec`, so that a SIGTERM npm forwards reaches this script, not an `sh -c` in between.)
set -euo pipefail
cd "$(dirname "$0")/.."
EMULATOR_PORT="${EMULATOR_PORT:-4010}"
export OPENAI_API_KEY="sk-emulator-0123456789abcdef" OPENAI_BASE_URL="http://127.0.0.1:$EMULATOR_PORT/v1"
export EMULATOR_API_KEY="$OPENAI_API_KEY"
export DATA_DIR="${DATA_DIR:-./data-demo}"
export CONSOLE_ADMIN_EMAIL="${CONSOLE_ADMIN_EMAIL:-demo@example.com}" CONSOLE_ADMIN_PASSWORD="${CONSOLE_ADMIN_PASSWORD:-benchtop-demo-password}"
unset DATABASE_URL
set -m
# node with tsx's loader rather than npx: no wrapper process between this script and the emulator.
# --controls: the demo's tour may script faults and slow streams.
node --import tsx lib/emulator/main.ts --port "$EMULATOR_PORT" --controls &
emu=$!
echo "[benchtop] demo: sign in as $CONSOLE_ADMIN_EMAIL / $CONSOLE_ADMIN_PASSWORD"
bash scripts/start.sh &
console=$!

stop() {
  trap - EXIT
  # Ctrl-C again while the console finishes the calls in flight: it then exits at once.
  trap 'kill -INT -- "-$console" 2>/dev/null || true' INT
  trap '' TERM HUP
  kill -TERM -- "-$emu" "-$console" 2>/dev/null || true
  # `wait` returns early when a trap runs; it returns 0 once both have exited.
  until wait; do :; done
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop; exit 129' HUP
trap stop EXIT

status=0
wait -n "$emu" "$console" || status=$?
exit "$status"
