import { describe, expect, it } from "vitest";
import { parseTelemetryPayload } from "./payload";

const now = 1_700_000_000_000;
const day = 86_400_000;

function reasonOf(json: unknown, opts?: Parameters<typeof parseTelemetryPayload>[2]) {
  const r = parseTelemetryPayload(json, now, opts);
  if (r.ok) throw new Error("expected a rejection");
  return r.reason;
}

describe("parseTelemetryPayload", () => {
  it("reads plain values at the server time", () => {
    expect(parseTelemetryPayload({ temp: 21.5, on: true }, now)).toEqual({
      ok: true,
      points: [{ ts: now, values: { temp: 21.5, on: true } }],
    });
  });

  it("reads a timestamped object", () => {
    expect(parseTelemetryPayload({ ts: now - 1000, values: { temp: 1 } }, now)).toEqual({
      ok: true,
      points: [{ ts: now - 1000, values: { temp: 1 } }],
    });
  });

  it("reads an array mixing both forms", () => {
    const r = parseTelemetryPayload([{ ts: now - 2000, values: { a: 1 } }, { b: 2 }], now);
    expect(r).toEqual({
      ok: true,
      points: [
        { ts: now - 2000, values: { a: 1 } },
        { ts: now, values: { b: 2 } },
      ],
    });
  });

  it("treats ts without values as an ordinary key", () => {
    expect(parseTelemetryPayload({ ts: 5, temp: 1 }, now)).toEqual({
      ok: true,
      points: [{ ts: now, values: { ts: 5, temp: 1 } }],
    });
  });

  it("accepts timestamps at the edges of the window", () => {
    expect(parseTelemetryPayload({ ts: now + 60_000, values: { a: 1 } }, now).ok).toBe(true);
    expect(parseTelemetryPayload({ ts: now - 30 * day, values: { a: 1 } }, now).ok).toBe(true);
  });

  it("rejects timestamps too far in the future", () => {
    expect(reasonOf({ ts: now + 60_001, values: { a: 1 } })).toBe(
      `ts ${now + 60_001} is more than 60 s in the future; check the device clock`,
    );
  });

  it("rejects timestamps too far in the past", () => {
    expect(reasonOf({ ts: now - 30 * day - 1, values: { a: 1 } })).toBe(`ts ${now - 30 * day - 1} is more than 30 days in the past`);
  });

  it("hints when a timestamp looks like seconds", () => {
    expect(reasonOf({ ts: now / 1000, values: { a: 1 } })).toContain("it looks like seconds: send milliseconds");
  });

  it("honours custom windows", () => {
    expect(reasonOf({ ts: now + 2000, values: { a: 1 } }, { maxFutureMs: 1000 })).toContain("1 s in the future");
    expect(reasonOf({ ts: now - 2 * day, values: { a: 1 } }, { maxPastMs: day })).toContain("1 day in the past");
    expect(parseTelemetryPayload({ ts: now - 2 * day, values: { a: 1 } }, now, { maxPastMs: 3 * day }).ok).toBe(true);
  });

  it.each([
    [{ ts: "1700000000000", values: { a: 1 } }],
    [{ ts: 1.5, values: { a: 1 } }],
    [{ ts: -1, values: { a: 1 } }],
    [{ ts: null, values: { a: 1 } }],
  ])("rejects a malformed ts in %j", (json) => {
    expect(reasonOf(json)).toBe("ts must be a whole number of milliseconds since 1970-01-01");
  });

  it("rejects malformed values", () => {
    expect(reasonOf({ ts: now, values: [1] })).toBe("values must be a JSON object");
    expect(reasonOf({ ts: now, values: "x" })).toBe("values must be a JSON object");
    expect(reasonOf({ ts: now, values: {} })).toBe("values is empty");
    expect(reasonOf({ ts: now, values: { a: 1 }, extra: 1 })).toBe('unexpected key "extra" next to ts and values');
  });

  it.each([null, 42, "temp", true, undefined])("rejects %j as a payload", (json) => {
    expect(reasonOf(json)).toBe("payload must be a JSON object or an array of objects");
  });

  it("rejects empty payloads", () => {
    expect(reasonOf({})).toBe("payload has no values");
    expect(reasonOf([])).toBe("payload is an empty array");
  });

  it("names the bad entry of an array and rejects the whole array", () => {
    expect(reasonOf([{ a: 1 }, 5])).toBe("entry 1: each entry must be a JSON object");
    expect(reasonOf([{ a: 1 }, [{ b: 1 }]])).toBe("entry 1: each entry must be a JSON object");
    expect(reasonOf([{ a: 1 }, { ts: now + day, values: { a: 1 } }])).toMatch(/^entry 1: ts .* in the future/);
  });

  it("caps the number of entries", () => {
    const many = Array.from({ length: 3 }, () => ({ a: 1 }));
    expect(reasonOf(many, { maxPoints: 2 })).toBe("payload has 3 entries; at most 2 are allowed");
    expect(
      parseTelemetryPayload(
        Array.from({ length: 1000 }, () => ({ a: 1 })),
        now,
      ).ok,
    ).toBe(true);
    expect(
      parseTelemetryPayload(
        Array.from({ length: 1001 }, () => ({ a: 1 })),
        now,
      ).ok,
    ).toBe(false);
  });
});
