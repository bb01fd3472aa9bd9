#!/usr/bin/env bash
# Stops the private PostgreSQL and Redis started by services.sh (never anything else).
set -u
cd "$(dirname "$0")/.."
STATE="$PWD/.aspen"
if [ -f "$STATE/pg.conf" ]; then
  { read -r PG_BIN; read -r PGDATA; } <"$STATE/pg.conf"
  RUNAS=(); [ "$(id -u)" = 0 ] && RUNAS=(runuser -u postgres --)
  (cd / && "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1) && echo "postgres stopped"
fi
if [ -f "$STATE/redis/redis.pid" ]; then kill "$(cat "$STATE/redis/redis.pid")" 2>/dev/null && echo "redis stopped"; fi
