import { slugSchema } from "@aspen/core/browser";
import { describe, expect, it } from "vitest";
import { randomSlugSuffix, suggestSlug } from "./slug-suggestion";

describe("suggestSlug", () => {
  it("slugifies Latin names", () => {
    expect(suggestSlug("Acme Sensors GmbH", "x7k2")).toBe("acme-sensors-gmbh");
    expect(suggestSlug("Café Zürich", "x7k2")).toBe("cafe-zurich");
  });
  it("gives names without Latin letters a random suffix instead of the same `tenant`", () => {
    expect(suggestSlug("深圳智能传感", "x7k2")).toBe("tenant-x7k2");
    expect(slugSchema.safeParse(suggestSlug("深圳智能传感", randomSlugSuffix())).success).toBe(true);
    expect(suggestSlug("深圳 IoT 实验室", "x7k2")).toBe("iot");
  });
  it("suggests nothing for an empty name", () => {
    expect(suggestSlug("  ", "x7k2")).toBe("");
  });
  it("makes different suffixes", () => {
    expect(new Set(Array.from({ length: 20 }, () => randomSlugSuffix())).size).toBeGreaterThan(15);
  });
});
