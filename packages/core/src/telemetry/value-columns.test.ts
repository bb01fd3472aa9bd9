import { describe, expect, it } from "vitest";
import { valueColumns } from "./value-columns";

describe("valueColumns", () => {
  it.each([
    [21.5, { valueNum: 21.5, valueBool: null, valueStr: null }],
    [0, { valueNum: 0, valueBool: null, valueStr: null }],
    [false, { valueNum: null, valueBool: false, valueStr: null }],
    ["", { valueNum: null, valueBool: null, valueStr: "" }],
    ["on", { valueNum: null, valueBool: null, valueStr: "on" }],
    [{ a: 1 }, { valueNum: null, valueBool: null, valueStr: '{"a":1}' }],
    [[1, 2], { valueNum: null, valueBool: null, valueStr: "[1,2]" }],
    [null, { valueNum: null, valueBool: null, valueStr: null }],
    [undefined, { valueNum: null, valueBool: null, valueStr: null }],
    [Number.NaN, { valueNum: null, valueBool: null, valueStr: null }],
    [Number.POSITIVE_INFINITY, { valueNum: null, valueBool: null, valueStr: null }],
  ])("maps %j", (value, columns) => {
    expect(valueColumns(value)).toEqual(columns);
  });
});
