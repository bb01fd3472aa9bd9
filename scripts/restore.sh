#!/usr/bin/env bash
# Restores a dump made by scripts/backup.sh into an EMPTY database (create it first, owned by the owner role).
# Runs as the owner (MIGRATE_DATABASE_URL, or RESTORE_DATABASE_URL / the second argument), in one transaction:
# either everything is restored or nothing. The system and tenant roles must exist (their grants are restored).
# Usage: bash scripts/restore.sh <file> [target-url]
set -euo pipefail
cd "$(dirname "$0")/.."
FILE="${1:?usage: scripts/restore.sh <file> [target-url]}"
URL="${2:-${RESTORE_DATABASE_URL:-${MIGRATE_DATABASE_URL:?give the target database URL (the owner role) as the second argument}}}"
[ -r "$FILE" ] || { echo "restore: cannot read $FILE" >&2; exit 1; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PSQL="${PG_BIN:+$PG_BIN/}psql" PG_RESTORE="${PG_BIN:+$PG_BIN/}pg_restore"
tables=$("$PSQL" -qtA -d "$URL" -c "select count(*) from pg_tables where schemaname in ('public', 'drizzle')")
if [ "$tables" != 0 ]; then
  echo "restore: the target database already has $tables tables; restore into a new, empty database" >&2
  exit 1
fi
"$PG_RESTORE" --no-owner --exit-on-error --single-transaction --dbname="$URL" "$FILE"
echo "restored $FILE"
