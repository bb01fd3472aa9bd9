#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis are reachable and prints `export DATABASE_URL=… TENANT_DATABASE_URL=…
# MIGRATE_DATABASE_URL=… REDIS_URL=…` (three database roles: see the README, "Database roles").
# Uses DATABASE_URL / REDIS_URL when given; otherwise installs Debian's packages if missing
# and starts private instances on loopback (idempotent: running ones are reused).
# Usage: eval "$(scripts/services.sh [db-name])"   (db-name defaults to "aspen"; ASPEN_RESET_DB=1 drops it first)
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
  # Kept beside the cluster, not in the checkout: a data directory outside the project outlives a clone
  # (a fresh clone of the same path finds the old cluster and must still be able to administer it).
  PW_FILE="$(dirname "$PGDATA")/pg-superuser-password"
  [ -s "$PW_FILE" ] || [ ! -s "$STATE/pg-superuser-password" ] || cp -p "$STATE/pg-superuser-password" "$PW_FILE"
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then
    : # already running on our port (started by an earlier run): reuse it
  elif [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "initialising a PostgreSQL cluster in $PGDATA (scram-sha-256 over TCP, peer on the socket)"
    # The superuser's password is random, kept 0600 next to the data (psql_admin below reads it).
    (umask 077; [ -s "$PW_FILE" ] || node -e 'console.log(require("crypto").randomBytes(24).toString("base64url"))' >"$PW_FILE")
    PWFILE=$(mktemp); cp "$PW_FILE" "$PWFILE"; chmod 644 "$PWFILE"
    (cd / && "${RUNAS[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth-host=scram-sha-256 --auth-local=peer --pwfile="$PWFILE" --encoding=UTF8 --locale=C.UTF-8 >/dev/null)
    rm -f "$PWFILE"
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
  SUPER_PW="${PGPASSWORD:-$(cat "$PW_FILE" 2>/dev/null || true)}"
  psql_tcp() { PGPASSWORD="$SUPER_PW" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
  # Our own cluster, and we are root: the postgres user over its socket (peer) needs no password.
  psql_peer() { (cd / && runuser -u postgres -- "$PG_BIN/psql" -h "$PGDATA" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"); }
  if [ "$(id -u)" = 0 ] && psql_peer -d postgres -c "SELECT 1" >/dev/null 2>&1; then
    psql_admin() { psql_peer "$@"; }
  elif psql_tcp -d postgres -c "SELECT 1" >/dev/null; then
    psql_admin() { psql_tcp "$@"; }
  else
    log "cannot administer the PostgreSQL on 127.0.0.1:$PG_PORT (started from another checkout?):"
    log "set PGPASSWORD to its superuser password, pick another ASPEN_PG_PORT, or give DATABASE_URL"
    exit 1
  fi
  # Write-heavy ingest: with the default 1 GB of WAL between checkpoints a telemetry load forced one
  # every 15-20 s, and every page first written after a checkpoint goes into the WAL whole. Durability
  # is unchanged (fsync and synchronous_commit stay on); recovery after a crash replays more WAL.
  # Applied to a running cluster too (ALTER SYSTEM is idempotent; these need only a reload).
  psql_admin -d postgres -c "ALTER SYSTEM SET max_wal_size = '4GB'" -c "ALTER SYSTEM SET checkpoint_timeout = '15min'" -c "SELECT pg_reload_conf()" >/dev/null
  # Three roles, none a superuser (README, "Database roles"):
  #   aspen         owns the database and its tables; runs migrations (MIGRATE_DATABASE_URL)
  #   aspen_system  BYPASSRLS, not an owner: broker, worker, seed and web's system lookups (DATABASE_URL)
  #   aspen_tenant  neither: web's tenant work, where row-level security always applies (TENANT_DATABASE_URL)
  # Passwords are scram-sha-256 hashes. Existing roles are left as they are (the cluster may be shared).
  psql_admin -d postgres -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='aspen') THEN CREATE ROLE aspen LOGIN PASSWORD 'aspen' CREATEDB; END IF; END\$\$;"
  SYSTEM_PW="${ASPEN_SYSTEM_DB_PASSWORD:-aspen_system}" TENANT_PW="${ASPEN_TENANT_DB_PASSWORD:-aspen_tenant}"
  psql_admin -d postgres -c "SET password_encryption = 'scram-sha-256'" \
    -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='aspen_system') THEN CREATE ROLE aspen_system LOGIN BYPASSRLS PASSWORD '$SYSTEM_PW'; END IF; END\$\$;" \
    -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='aspen_tenant') THEN CREATE ROLE aspen_tenant LOGIN NOBYPASSRLS PASSWORD '$TENANT_PW'; END IF; END\$\$;"
  if [ "${ASPEN_RESET_DB:-0}" = 1 ]; then
    # The test command starts from an empty database even where an earlier run's cluster survived.
    log "dropping database $DB_NAME (ASPEN_RESET_DB=1)"
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >/dev/null
  fi
  if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE \"$DB_NAME\" OWNER aspen"
  fi
  # Only the roles may connect; the tables' privileges are granted by the migration step (packages/db/src/grants.ts).
  psql_admin -d postgres -c "REVOKE CONNECT ON DATABASE \"$DB_NAME\" FROM PUBLIC" -c "GRANT CONNECT ON DATABASE \"$DB_NAME\" TO aspen, aspen_system, aspen_tenant"
  DATABASE_URL="postgres://aspen_system:$SYSTEM_PW@127.0.0.1:$PG_PORT/$DB_NAME"
  TENANT_DATABASE_URL="postgres://aspen_tenant:$TENANT_PW@127.0.0.1:$PG_PORT/$DB_NAME"
  MIGRATE_DATABASE_URL="postgres://aspen:aspen@127.0.0.1:$PG_PORT/$DB_NAME"
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
# Given DATABASE_URL without the other two, print nothing for them: the processes then say what is missing.
[ -n "${TENANT_DATABASE_URL:-}" ] && printf "export TENANT_DATABASE_URL='%s'\n" "$TENANT_DATABASE_URL"
[ -n "${MIGRATE_DATABASE_URL:-}" ] && printf "export MIGRATE_DATABASE_URL='%s'\n" "$MIGRATE_DATABASE_URL"
true
log "DATABASE_URL=${DATABASE_URL%%:*}://…@${DATABASE_URL#*@}  REDIS_URL=$REDIS_URL"
