#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis are reachable and prints `export DATABASE_URL=… REDIS_URL=…`.
# Uses DATABASE_URL / REDIS_URL when given; otherwise installs Debian's packages if missing
# and starts private instances on loopback (idempotent: running ones are reused).
# Usage: eval "$(scripts/services.sh [db-name])"   (db-name defaults to "aspen")
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="$PWD/.aspen"
mkdir -p "$STATE"
DB_NAME="${1:-aspen}"
PG_PORT="${ASPEN_PG_PORT:-54329}"
REDIS_PORT="${ASPEN_REDIS_PORT:-63790}"
log() { printf '\033[36m[services]\033[0m %s\n' "$*" >&2; }

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null; then
    log "apt-get not found: install $* yourself (see README, 'Other systems') or set DATABASE_URL / REDIS_URL"
    exit 1
  fi
  if [ "$apt_updated" = 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  # policy-rc.d keeps the packages' own services from starting: we run private instances.
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  $SUDO rm -f /usr/sbin/policy-rc.d
}

# ---------- PostgreSQL ----------
if [ -z "${DATABASE_URL:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$PG_BIN" ]; then log "installing PostgreSQL (Debian package)"; apt_install postgresql; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); fi
  RUNAS=()
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: run it as the `postgres` user, with its data outside the project
    # (a project under /root is not readable by that user).
    RUNAS=(runuser -u postgres --)
    PGDATA="${ASPEN_PGDATA:-/var/lib/aspen/$(printf %s "$PWD" | sha1sum | cut -c1-10)/pg}"
    mkdir -p "$PGDATA" && chown postgres "$(dirname "$PGDATA")" "$PGDATA" && chmod 700 "$PGDATA"
  else
    PGDATA="${ASPEN_PGDATA:-$STATE/pg}"
  fi
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then
    : # already running on our port (started by an earlier run): reuse it
  elif [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "initialising a PostgreSQL cluster in $PGDATA"
    (cd / && "${RUNAS[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null)
    cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PGDATA'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
CONF
  fi
  if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    (cd / && "${RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start >/dev/null)
  fi
  psql_admin() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
  # Write-heavy ingest: with the default 1 GB of WAL between checkpoints a telemetry load forced one
  # every 15-20 s, and every page first written after a checkpoint goes into the WAL whole. Durability
  # is unchanged (fsync and synchronous_commit stay on); recovery after a crash replays more WAL.
  # Applied to a running cluster too (ALTER SYSTEM is idempotent; these need only a reload).
  psql_admin -d postgres -c "ALTER SYSTEM SET max_wal_size = '4GB'" -c "ALTER SYSTEM SET checkpoint_timeout = '15min'" -c "SELECT pg_reload_conf()" >/dev/null
  # The app role is not a superuser, so row-level security applies to it.
  psql_admin -d postgres -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='aspen') THEN CREATE ROLE aspen LOGIN PASSWORD 'aspen' CREATEDB; END IF; END\$\$;"
  if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE \"$DB_NAME\" OWNER aspen"
  fi
  DATABASE_URL="postgres://aspen:aspen@127.0.0.1:$PG_PORT/$DB_NAME"
  printf '%s\n%s\n' "$PG_BIN" "$PGDATA" >"$STATE/pg.conf"
fi

# ---------- Redis ----------
if [ -z "${REDIS_URL:-}" ]; then
  if ! command -v redis-server >/dev/null; then log "installing Redis (Debian package)"; apt_install redis-server; fi
  mkdir -p "$STATE/redis"
  if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis on 127.0.0.1:$REDIS_PORT (appendonly, noeviction)"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$STATE/redis" --appendonly yes --appendfsync everysec \
      --maxmemory-policy noeviction --daemonize yes --pidfile "$STATE/redis/redis.pid" --logfile "$STATE/redis/redis.log" --save ""
    for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
fi

# Printed for `eval "$(scripts/services.sh)"`; everything else goes to stderr.
printf "export DATABASE_URL='%s'\nexport REDIS_URL='%s'\n" "$DATABASE_URL" "$REDIS_URL"
log "DATABASE_URL=${DATABASE_URL%%:*}://…@${DATABASE_URL#*@}  REDIS_URL=$REDIS_URL"
