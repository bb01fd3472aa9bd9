#!/usr/bin/env bash
# Writes a pg_dump (custom format) of the Aspen database and prints its path.
# Dumps as the system role (DATABASE_URL, BYPASSRLS: row-level security would hide tenant rows from any other
# non-superuser), or BACKUP_DATABASE_URL when given. Restore with scripts/restore.sh.
# Usage: bash scripts/backup.sh [file]      (default .aspen/backups/aspen-<UTC time>.dump, mode 0600)
set -euo pipefail
cd "$(dirname "$0")/.."
URL="${BACKUP_DATABASE_URL:-${DATABASE_URL:?DATABASE_URL (or BACKUP_DATABASE_URL) is not set: eval \"\$(bash scripts/services.sh)\" first}}"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PG_DUMP="${PG_BIN:+$PG_BIN/}pg_dump"
FILE="${1:-.aspen/backups/aspen-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$FILE")"
umask 077 # a backup holds every tenant's data and every secret hash
"$PG_DUMP" --format=custom --compress=6 --file="$FILE" --dbname="$URL"
printf '%s\n' "$FILE"
