import { describe, expect, it } from "vitest";
import { en } from "./en";
import { format, negotiateLocale } from "./locales";
import { placeholdersOf } from "./message-format";
import { zhCN } from "./zh-CN";

describe("negotiateLocale", () => {
  it("defaults to English", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("fr-FR,de;q=0.8")).toBe("en");
  });
  it("picks Chinese for any zh tag", () => {
    expect(negotiateLocale("zh-TW,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("zh")).toBe("zh-CN");
  });
  it("respects q-values", () => {
    expect(negotiateLocale("zh-CN;q=0.5,en-US;q=0.9")).toBe("en");
    expect(negotiateLocale("en;q=0,zh-CN")).toBe("zh-CN");
  });
});

describe("format", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(format("{a} of {b} {c}", { a: 1, b: "x" })).toBe("1 of x {c}");
  });
});

describe("dictionaries", () => {
  it("use the same placeholders in both languages", () => {
    const placeholders = placeholdersOf;
    for (const [section, entries] of Object.entries(en)) {
      for (const [key, text] of Object.entries(entries)) {
        const zh = (zhCN as Record<string, Record<string, string>>)[section]![key]!;
        expect(placeholders(zh), `${section}.${key}`).toEqual(placeholders(text));
        expect(zh.length, `${section}.${key} is empty`).toBeGreaterThan(0);
      }
    }
  });
});
