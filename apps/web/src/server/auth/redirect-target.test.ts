import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect-target";

describe("safeRedirectPath", () => {
  it("keeps same-origin paths with query and hash", () => {
    expect(safeRedirectPath("/t/acme/devices?page=2#top")).toBe("/t/acme/devices?page=2#top");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it.each([
    "/%09/evil.example",
    "/%0a/evil.example",
    "/\t/evil.example",
    "//evil.example",
    "/\\evil.example",
    "/%5cevil.example",
    "/%2f/evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value, "/tenants")).toBe("/tenants");
  });

  it("refuses non-strings", () => {
    expect(safeRedirectPath(["/a", "/b"])).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
  });
});
