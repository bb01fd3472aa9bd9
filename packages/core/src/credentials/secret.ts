import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new device, product or API secret: 32 random bytes, base64url (43 characters). */
export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
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
