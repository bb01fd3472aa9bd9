import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from "@oslojs/otp";
import { getEnv } from "../../../env";

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;

/** AES-256-GCM key for stored TOTP secrets, derived from AUTH_SECRET (rotating it disables every second factor). */
function encryptionKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getEnv().AUTH_SECRET, "aspen", "totp-secret-v1", 32));
}

export function newTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

export function encryptTotpKey(key: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url")}`;
}

export function decryptTotpKey(stored: string): Uint8Array {
  const raw = Buffer.from(stored.replace(/^v1\./, ""), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
}

export function totpUri(email: string, key: Uint8Array): string {
  return createTOTPKeyURI("Aspen", email, key, TOTP_PERIOD, TOTP_DIGITS);
}

/**
 * The time step a 6-digit code is valid for (now, or one step either side for clock drift), or
 * null. TOTP is HOTP with the step as counter (RFC 6238); the caller records the step so the same
 * code cannot be replayed.
 */
export function matchingStep(key: Uint8Array, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const step = Math.floor(now / 1000 / TOTP_PERIOD);
  for (const s of [step, step - 1, step + 1]) if (verifyHOTP(key, BigInt(s), TOTP_DIGITS, code)) return s;
  return null;
}

/** The code of `now` (tests and the setup check use it). */
export function codeAt(key: Uint8Array, now = Date.now()): string {
  return generateHOTP(key, BigInt(Math.floor(now / 1000 / TOTP_PERIOD)), TOTP_DIGITS);
}

/** Ten single-use recovery codes (`xxxxx-xxxxx`) and the SHA-256 hashes that are stored instead. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const s = randomBytes(8).toString("hex").slice(0, 10);
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
}
