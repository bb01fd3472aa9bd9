import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson, transformer } from "./transformer";

const roundTrip = (v: unknown) => transformer.deserialize(JSON.parse(JSON.stringify(transformer.serialize(v))) as never);

describe("the tRPC transformer", () => {
  it.each([
    ["numbers, strings, booleans, null", { a: 1, b: "x", c: true, d: null, e: [1.5, -2, 0] }],
    ["a chart response", { series: [{ points: Array.from({ length: 1000 }, (_, i) => ({ ts: i, avg: i / 3, partial: false })) }] }],
    ["an object without prototype", Object.assign(Object.create(null) as object, { a: 1 })],
  ])("sends plain JSON as superjson's { json } form without meta: %s", (_, value) => {
    expect(isPlainJson(value)).toBe(true);
    expect(transformer.serialize(value)).toEqual({ json: value });
    expect(roundTrip(value)).toEqual(value);
  });

  it.each([
    ["a Date", { at: new Date(5) }],
    ["undefined in an object", { a: undefined }],
    ["NaN", [Number.NaN]],
    ["Infinity", { x: Number.POSITIVE_INFINITY }],
    ["-0", [-0]],
    ["a Map", new Map([["a", 1]])],
    ["a Set deep inside", { a: [{ b: new Set([1]) }] }],
    ["a bigint", { n: 10n }],
  ])("hands anything else to superjson, so it survives the wire: %s", (_, value) => {
    expect(isPlainJson(value)).toBe(false);
    expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
    expect(roundTrip(value)).toEqual(value);
  });
});
