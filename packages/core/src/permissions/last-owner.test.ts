import { describe, expect, it } from "vitest";
import { breaksLastOwnerRule, takesOwnerAway } from "./last-owner";

describe("the last-owner rule", () => {
  it("refuses to take the only owner away, by demotion or removal", () => {
    expect(breaksLastOwnerRule({ from: "owner", to: "admin" }, 1)).toBe(true);
    expect(breaksLastOwnerRule({ from: "owner", to: null }, 1)).toBe(true);
  });
  it("allows it when another owner remains", () => {
    expect(breaksLastOwnerRule({ from: "owner", to: "viewer" }, 2)).toBe(false);
    expect(breaksLastOwnerRule({ from: "owner", to: null }, 2)).toBe(false);
  });
  it("never concerns non-owners or owners staying owners", () => {
    expect(breaksLastOwnerRule({ from: "admin", to: null }, 1)).toBe(false);
    expect(breaksLastOwnerRule({ from: "owner", to: "owner" }, 1)).toBe(false);
    expect(takesOwnerAway({ from: "viewer", to: "owner" })).toBe(false);
  });
});
