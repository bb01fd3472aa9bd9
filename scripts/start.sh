#!/usr/bin/env bash
# The README's first command: installs, starts PostgreSQL + Redis, migrates, seeds the demo tenant,
# builds, and runs web + broker + worker (+ the device simulator) with prefixed logs. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "dependencies"
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

step "PostgreSQL and Redis"
envs=$(bash scripts/services.sh aspen)
eval "$envs"
mkdir -p .aspen
export AUTH_SECRET="${AUTH_SECRET:-$(bash scripts/auth-secret.sh .aspen)}"
export WEB_PORT="${WEB_PORT:-3000}" WEB_HOST="${WEB_HOST:-127.0.0.1}"
export APP_URL="${APP_URL:-http://localhost:$WEB_PORT}"
export DEMO_DEVICES_FILE="$ROOT/.aspen/demo-devices.json"

step "migrations and demo data"
npm run -s migrate -w @aspen/db
npm run -s seed -w @aspen/db

step "build"
npx turbo run build --output-logs=errors-only

pids=()
run() { # name color command...
  local name=$1 color=$2; shift 2
  "$@" > >(npx --no pino-pretty --colorize --translateTime SYS:HH:MM:ss --ignore pid,hostname 2>/dev/null | sed -u "s/^/\x1b[${color}m[$name]\x1b[0m /") 2>&1 &
  pids+=("$!")
}
stop() {
  trap - INT TERM EXIT
  printf '\nstopping…\n'
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped (PostgreSQL and Redis keep running; scripts/stop-services.sh stops them)"
}
trap stop INT TERM EXIT

step "starting web, broker, worker"
run web 32 npm run -s start -w @aspen/web
run broker 35 npm run -s start -w @aspen/broker
run worker 33 npm run -s start -w @aspen/worker
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
if [ "${ASPEN_SIMULATOR:-1}" = 1 ] && [ -f "$DEMO_DEVICES_FILE" ]; then
  run sim 36 npm run -s sim -- --devices "$DEMO_DEVICES_FILE" --url "mqtt://127.0.0.1:${MQTT_PORT:-1883}"
fi

cat <<MSG

  Aspen is running.
    Console   $APP_URL   (demo login: demo@aspen.dev / aspen-demo-2026, tenant "demo")
    MQTT      mqtt://127.0.0.1:${MQTT_PORT:-1883}   WebSocket ws://127.0.0.1:${MQTT_WS_PORT:-8083}
  Ctrl-C stops everything.

MSG
wait
