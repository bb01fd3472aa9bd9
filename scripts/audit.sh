#!/usr/bin/env bash
# Fails when `npm audit --omit=dev` reports a high or critical advisory that security/audit-allowlist.json does not
# allow (each entry: package, advisory id, reason, until). Exit 0 clean, 1 findings, 2 audit could not run.
# AUDIT_OFFLINE_OK=1 turns "could not run" (no registry audit endpoint, e.g. offline CI) into a printed skip (exit 0).
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(npm audit --omit=dev --json 2>/dev/null)
printf '%s' "$out" | node scripts/audit-check.mjs security/audit-allowlist.json
rc=$?
if [ "$rc" = 2 ] && [ "${AUDIT_OFFLINE_OK:-0}" = 1 ]; then
  echo "audit: skipped (the registry's audit endpoint is unreachable here)"
  exit 0
fi
exit "$rc"
