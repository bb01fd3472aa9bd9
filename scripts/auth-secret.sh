#!/usr/bin/env bash
# Prints the console's AUTH_SECRET, generating it once into <state-dir>/auth_secret, readable by this user only (0600).
# Usage: bash scripts/auth-secret.sh [state-dir]   (default .aspen)
set -euo pipefail
FILE="${1:-.aspen}/auth_secret"
mkdir -p "$(dirname "$FILE")"
if [ ! -s "$FILE" ]; then
  (umask 077; node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))' >"$FILE")
fi
chmod 600 "$FILE" # also tightens a file an older version wrote with the default umask
cat "$FILE"
