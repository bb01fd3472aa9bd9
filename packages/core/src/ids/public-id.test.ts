import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeBase58_128 } from "./base58";
import { idPrefixes, parsePublicId, publicId } from "./public-id";

describe("publicId", () => {
  it("round-trips random uuids for every prefix", () => {
    for (const prefix of idPrefixes) {
      for (let i = 0; i < 50; i++) {
        const uuid = randomUUID();
        const id = publicId(prefix, uuid);
        expect(id).toMatch(new RegExp(`^${prefix}_[1-9A-HJ-NP-Za-km-z]{22}$`));
        expect(parsePublicId(prefix, id)).toBe(uuid);
      }
    }
  });

  it("round-trips the extremes and normalises case", () => {
    const zero = "00000000-0000-0000-0000-000000000000";
    const max = "ffffffff-ffff-ffff-ffff-ffffffffffff";
    expect(publicId("dev", zero)).toBe("dev_1111111111111111111111");
    expect(parsePublicId("dev", publicId("dev", zero))).toBe(zero);
    expect(parsePublicId("dev", publicId("dev", max.toUpperCase()))).toBe(max);
  });

  it("spells ids as the BigInt base58 reference does (the ids already handed out)", () => {
    const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    const reference = (uuid: string) => {
      let n = BigInt(`0x${uuid.replaceAll("-", "")}`);
      let out = "";
      while (n > 0n) {
        out = alphabet.charAt(Number(n % 58n)) + out;
        n /= 58n;
      }
      return out.padStart(22, "1");
    };
    const edges = ["ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-0000-000000000001", "00000001-0000-0000-ffff-ffff00000000"];
    for (const uuid of [...edges, ...Array.from({ length: 2000 }, () => randomUUID())])
      expect(publicId("dev", uuid)).toBe(`dev_${reference(uuid)}`);
    const max = "ffffffff-ffff-ffff-ffff-ffffffffffff";
    expect(encodeBase58_128(new Uint8Array(16).fill(255))).toBe(reference(max));
    expect(() => encodeBase58_128(new Uint8Array(15))).toThrow(RangeError);
  });

  it("gives every uuid one spelling", () => {
    const uuid = "0190f6c1-8e2a-7c3b-9d4e-5f6a7b8c9d0e";
    expect(publicId("prd", uuid)).toBe(publicId("prd", uuid.toUpperCase()));
  });

  it("throws on a non-uuid", () => {
    expect(() => publicId("dev", "not-a-uuid")).toThrow(TypeError);
    expect(() => publicId("dev", "0190f6c18e2a7c3b9d4e5f6a7b8c9d0e")).toThrow(TypeError);
  });
});

describe("parsePublicId", () => {
  const uuid = "0190f6c1-8e2a-7c3b-9d4e-5f6a7b8c9d0e";
  const id = publicId("dev", uuid);

  it("refuses another prefix", () => {
    expect(parsePublicId("prd", id)).toBeNull();
    expect(parsePublicId("dev", `prd_${id.slice(4)}`)).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["prefix only", "dev_"],
    ["no separator", `dev${"1".repeat(22)}`],
    ["too short", id.slice(0, -1)],
    ["too long", `${id}1`],
    ["bad digit 0", `dev_0${id.slice(5)}`],
    ["bad digit l", `dev_l${id.slice(5)}`],
    ["over 128 bits", `dev_${"z".repeat(22)}`],
    ["raw uuid", uuid],
  ])("refuses %s", (_, text) => {
    expect(parsePublicId("dev", text)).toBeNull();
  });
});
