import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSecret, hashSecret, safeEqualHex, secretHint } from "./secret";

describe("generateSecret", () => {
  it("makes 43 base64url characters of fresh randomness", () => {
    const secrets = new Set(Array.from({ length: 100 }, generateSecret));
    expect(secrets.size).toBe(100);
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(s, "base64url")).toHaveLength(32);
    }
  });

  it("never starts with - (an option on a command line, a formula in a spreadsheet)", () => {
    // Without the rule 1 in 64 would: 3,000 secrets all passing by chance is about e^-47.
    const firsts = new Set(Array.from({ length: 3000 }, () => generateSecret()[0]));
    expect(firsts.has("-")).toBe(false);
    expect(firsts.size).toBeGreaterThan(50);
  });
});

describe("hashSecret", () => {
  it("is the hex SHA-256", () => {
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashSecret("é")).toBe(createHash("sha256").update("é").digest("hex"));
  });
});

describe("secretHint", () => {
  it("shows the first and last four characters", () => {
    expect(secretHint("abcdefghijklmnop")).toBe("abcd…mnop");
  });

  it("hides short secrets entirely", () => {
    expect(secretHint("abcdefgh")).toBe("…");
    expect(secretHint("")).toBe("…");
  });
});

describe("safeEqualHex", () => {
  const h = hashSecret("secret");

  it("matches equal hashes, case-insensitively", () => {
    expect(safeEqualHex(h, h)).toBe(true);
    expect(safeEqualHex(h, h.toUpperCase())).toBe(true);
    expect(safeEqualHex("", "")).toBe(true);
  });

  it("refuses different, differently sized or non-hex input", () => {
    expect(safeEqualHex(h, hashSecret("other"))).toBe(false);
    expect(safeEqualHex(h, h.slice(0, -2))).toBe(false);
    expect(safeEqualHex("zz", "zz")).toBe(false);
    expect(safeEqualHex("abc", "abc")).toBe(false);
    expect(safeEqualHex(`${h.slice(0, -1)}g`, `${h.slice(0, -1)}g`)).toBe(false);
  });
});
