import { describe, expect, it } from "vitest";
import { formatMessage, placeholdersOf } from "./message-format";

describe("formatMessage", () => {
  it("fills placeholders and leaves unknown ones", () => {
    expect(formatMessage("en", "{a} of {b} {c}", { a: 1, b: "x" })).toBe("1 of x {c}");
  });
  it("chooses the English plural form", () => {
    const t = "Create {count, plural, one {# device} other {# devices}}";
    expect(formatMessage("en", t, { count: 1 })).toBe("Create 1 device");
    expect(formatMessage("en", t, { count: 0 })).toBe("Create 0 devices");
    expect(formatMessage("en", t, { count: 4 })).toBe("Create 4 devices");
  });
  it("uses exact cases and the other form in Chinese", () => {
    const t = "{n, plural, =0 {没有设备} other {# 台设备}}";
    expect(formatMessage("zh-CN", t, { n: 0 })).toBe("没有设备");
    expect(formatMessage("zh-CN", t, { n: 1 })).toBe("1 台设备");
  });
  it("formats placeholders inside a plural case", () => {
    expect(formatMessage("en", "{count, plural, one {# row in {file}} other {# rows in {file}}}", { count: 2, file: "a.csv" })).toBe(
      "2 rows in a.csv",
    );
  });
});

describe("placeholdersOf", () => {
  it("names simple and plural arguments", () => {
    expect(placeholdersOf("{a} {count, plural, one {# x {b}} other {#}}")).toEqual(["a", "b", "count"]);
  });
});
