#!/usr/bin/env bash
# `npm run demo`: the console wired to the built-in upstream emulator, for a tour without an API key.
set -euo pipefail
cd "$(dirname "$0")/.."
EMULATOR_PORT="${EMULATOR_PORT:-4010}"
export OPENAI_API_KEY="sk-emulator-0123456789abcdef" OPENAI_BASE_URL="http://127.0.0.1:$EMULATOR_PORT/v1"
export EMULATOR_API_KEY="$OPENAI_API_KEY"
export DATA_DIR="${DATA_DIR:-./data-demo}"
export CONSOLE_ADMIN_EMAIL="${CONSOLE_ADMIN_EMAIL:-demo@example.com}" CONSOLE_ADMIN_PASSWORD="${CONSOLE_ADMIN_PASSWORD:-benchtop-demo-password}"
unset DATABASE_URL
npx tsx lib/emulator/main.ts --port "$EMULATOR_PORT" --controls &
emu=$!
trap 'kill $emu 2>/dev/null' EXIT
echo "[benchtop] demo: sign in as $CONSOLE_ADMIN_EMAIL / $CONSOLE_ADMIN_PASSWORD"
bash scripts/start.sh
