import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new device, product or API secret: 32 random bytes, base64url (43 characters). */
export function generateSecret(): string {
  // Never starting with "-" (1 in 64 would): command-line tools take "-…" for an option
  // (`mosquitto_pub -P -x…`), and a CSV of credentials must prefix a leading "-" with "'" so that spreadsheets do not
  // run it as a formula, which a script reading the file would then take for part of the password.
  for (;;) {
    const secret = randomBytes(32).toString("base64url");
    if (!secret.startsWith("-")) return secret;
  }
}

/** What is stored of a random secret: its SHA-256, lowercase hex. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A recognisable but useless part of a secret for lists: `abcd…wxyz`. */
export function secretHint(secret: string): string {
  if (secret.length <= 8) return "…";
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

const hexPattern = /^(?:[0-9a-fA-F]{2})*$/;

/** Compares two hex strings (e.g. hashes) in constant time; false if either is not hex. */
export function safeEqualHex(a: string, b: string): boolean {
  if (typeof a !== "string" || typeof b !== "string") return false;
  if (!hexPattern.test(a) || !hexPattern.test(b) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}
