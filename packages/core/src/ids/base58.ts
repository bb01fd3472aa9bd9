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
  const limbs = [0, 1, 2, 3].map(
    (j) => (bytes[4 * j] ?? 0) * 2 ** 24 + (bytes[4 * j + 1] ?? 0) * 2 ** 16 + (bytes[4 * j + 2] ?? 0) * 256 + (bytes[4 * j + 3] ?? 0),
  );
  return encodeLimbsBase58_128(limbs);
}

const limbBase = 2 ** 32;

/**
 * `encodeBase58_128` of a value given as four big-endian unsigned 32-bit limbs (overwritten). Long division
 * in doubles, not BigInt: every public id of a page is encoded per request. Exact, as `remainder × 2^32 +
 * limb` stays below 58 × 2^32 < 2^53.
 */
export function encodeLimbsBase58_128(limbs: number[]): string {
  let out = "";
  for (let d = 0; d < base58Length128; d++) {
    let rem = 0;
    for (let j = 0; j < 4; j++) {
      const cur = rem * limbBase + (limbs[j] ?? 0);
      const q = Math.floor(cur / 58);
      limbs[j] = q;
      rem = cur - q * 58;
    }
    out = alphabet.charAt(rem) + out;
  }
  return out;
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
