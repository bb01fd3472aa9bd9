// Bitcoin alphabet: no 0/O/I/l, so ids survive being read aloud or retyped.
const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const digitOf = new Map([...alphabet].map((c, i) => [c, BigInt(i)]));
const base = 58n;

/** 58^22 > 2^128, so every 16-byte value fits in 22 digits. */
export const base58Length128 = 22;
const max128 = (1n << 128n) - 1n;

/** Encodes 16 bytes as exactly 22 base58 digits (left-padded), so each value has one spelling. */
export function encodeBase58_128(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new RangeError("expected 16 bytes");
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = "";
  while (n > 0n) {
    out = alphabet.charAt(Number(n % base)) + out;
    n /= base;
  }
  return out.padStart(base58Length128, alphabet.charAt(0));
}

/** Decodes 22 base58 digits back into 16 bytes, or null if malformed or out of range. */
export function decodeBase58_128(text: string): Uint8Array | null {
  if (text.length !== base58Length128) return null;
  let n = 0n;
  for (const c of text) {
    const d = digitOf.get(c);
    if (d === undefined) return null;
    n = n * base + d;
  }
  if (n > max128) return null;
  const bytes = new Uint8Array(16);
  for (let i = 15; i >= 0; i--) {
    bytes[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return bytes;
}
