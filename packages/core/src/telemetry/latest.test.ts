import { describe, expect, it } from "vitest";
import { mergeNewest } from "./latest";

describe("mergeNewest", () => {
  it("keeps the later value per key and adds new keys", () => {
    const into = { t: { ts: 10, value: 1 }, h: { ts: 30, value: 40 } };
    const out = mergeNewest(into, { t: { ts: 20, value: 2 }, h: { ts: 25, value: 41 }, m: { ts: 5, value: "eco" } });
    expect(out).toBe(into);
    expect(out).toEqual({ t: { ts: 20, value: 2 }, h: { ts: 30, value: 40 }, m: { ts: 5, value: "eco" } });
  });

  it("takes the value folded in when both were measured at the same time", () => {
    expect(mergeNewest({ t: { ts: 10, value: 1 } }, { t: { ts: 10, value: 2 } })).toEqual({ t: { ts: 10, value: 2 } });
  });
});
