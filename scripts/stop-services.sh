#!/usr/bin/env bash
# Stops the private PostgreSQL and Redis started by services.sh (never anything else).
set -u
cd "$(dirname "$0")/.."
STATE="$PWD/.aspen"
if [ -f "$STATE/pg_bin" ] && [ -f "$STATE/pg/PG_VERSION" ]; then
  RUNAS=(); [ "$(id -u)" = 0 ] && RUNAS=(runuser -u postgres --)
  "${RUNAS[@]}" "$(cat "$STATE/pg_bin")/pg_ctl" -D "$STATE/pg" -m fast stop >/dev/null 2>&1 && echo "postgres stopped"
fi
if [ -f "$STATE/redis/redis.pid" ]; then kill "$(cat "$STATE/redis/redis.pid")" 2>/dev/null && echo "redis stopped"; fi
