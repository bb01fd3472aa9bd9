import { generateSecret, hashSecret, secretHint } from "@aspen/core";

/** A new client secret (`acs_…`), its hash and hint. */
export function newClientSecret() {
  const secret = `acs_${generateSecret()}`;
  return { secret, hash: hashSecret(secret), hint: secretHint(secret) };
}
