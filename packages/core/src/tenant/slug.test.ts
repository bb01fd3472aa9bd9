import { describe, expect, it } from "vitest";
import { reservedSlugs, slugify, slugSchema } from "./slug";

function messageOf(slug: unknown) {
  return slugSchema.safeParse(slug).error?.issues[0]?.message;
}

describe("slugSchema", () => {
  it.each(["acme", "a-b", "abc", "acme-sensors-2", "a".repeat(40), "123"])("accepts %j", (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });

  it.each([
    ["ab", "Use at least 3 characters"],
    ["a".repeat(41), "Use at most 40 characters"],
    ["Acme", "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit"],
    ["-acme", "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit"],
    ["acme-", "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit"],
    ["ac_me", "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit"],
    ["ac/me", "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit"],
  ])("refuses %j", (slug, message) => {
    expect(messageOf(slug)).toBe(message);
  });

  it.each(["api", "admin", "new", "settings", "login", "signup"])("refuses the reserved %j", (slug) => {
    expect(messageOf(slug)).toBe("This name is reserved; choose another");
  });

  it("reserves t", () => {
    expect(reservedSlugs.has("t")).toBe(true);
    expect(slugSchema.safeParse("t").success).toBe(false);
  });
});

describe("slugify", () => {
  it.each([
    ["Acme Sensors GmbH", "acme-sensors-gmbh"],
    ["  Café   Müller!! ", "cafe-muller"],
    ["ACME_2024", "acme-2024"],
    ["---x---y---", "x-y"],
    ["Admin", "admin-org"],
    ["AB", "ab-org"],
    ["", "tenant"],
    ["日本", "tenant"],
  ])("turns %j into %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("cuts long names without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(39)} b`);
    expect(slug).toBe("a".repeat(39));
  });

  it("always produces a valid slug", () => {
    for (const name of ["x", "API", "a b c d e f g h i j k l m n o p q r s t u v w x y z", "!!!", "Settings", "me"]) {
      expect(slugSchema.safeParse(slugify(name)).success, name).toBe(true);
    }
  });
});
