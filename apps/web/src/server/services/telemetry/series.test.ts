import { describe, expect, it } from "vitest";
import { autoBucketSeconds } from "./series";

describe("autoBucketSeconds", () => {
  it("is raw up to 15 minutes, then the smallest nice width giving at most ~600 points", () => {
    expect(autoBucketSeconds(60_000)).toBeNull();
    expect(autoBucketSeconds(15 * 60_000)).toBeNull();
    expect(autoBucketSeconds(3600_000)).toBe(10);
    expect(autoBucketSeconds(86_400_000)).toBe(300);
    expect(autoBucketSeconds(30 * 86_400_000)).toBe(7200);
    expect(autoBucketSeconds(10_000 * 86_400_000)).toBe(86400);
  });
});
