import { describe, expect, it } from "vitest";
import { compileThingModel } from "./compile";
import { parseThingModel } from "./parse";
import type { ThingModel } from "./schema";

function model(input: unknown): ThingModel {
  const r = parseThingModel(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

const thermostat = model({
  properties: [
    { identifier: "temp", name: "Temperature", type: "float", unit: "°C", min: -40, max: 85 },
    { identifier: "count", name: "Count", type: "int", min: 0, max: 1000 },
    { identifier: "on", name: "On", type: "bool", access: "rw" },
    { identifier: "label", name: "Label", type: "string", maxLength: 5, access: "rw" },
    { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "boost"], access: "rw" },
  ],
  events: [
    {
      identifier: "overheat",
      name: "Overheat",
      level: "fault",
      params: [
        { identifier: "temp", name: "T", type: "float" },
        { identifier: "note", name: "Note", type: "string", required: false },
      ],
    },
  ],
  commands: [
    {
      identifier: "setMode",
      name: "Set mode",
      input: [{ identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "boost"] }],
      output: [{ identifier: "ok", name: "OK", type: "bool" }],
    },
  ],
});

describe("compileThingModel: telemetry schema", () => {
  const c = compileThingModel(thermostat);

  it("accepts any subset of valid values", () => {
    expect(c.telemetry.parse({})).toEqual({});
    const all = { temp: 21.5, count: 3, on: true, label: "abc", mode: "eco" };
    expect(c.telemetry.parse(all)).toEqual(all);
  });

  it.each([
    [{ temp: "21" }, "expected a number"],
    [{ temp: 90 }, "must be ≤ 85"],
    [{ temp: -41 }, "must be ≥ -40"],
    [{ count: 1.5 }, "expected an integer"],
    [{ count: -1 }, "must be ≥ 0"],
    [{ count: "1" }, "expected an integer"],
    [{ on: 1 }, "expected true or false"],
    [{ on: "true" }, "expected true or false"],
    [{ label: "toolong" }, "must be at most 5 characters"],
    [{ label: 5 }, "expected a string"],
    [{ mode: "turbo" }, "must be one of: eco, boost"],
    [{ temp: null }, "expected a number"],
    [{ temp: 1, x: 2 }, "unknown key: x"],
  ])("rejects %j (%s)", (values, message) => {
    const r = c.telemetry.safeParse(values);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });

  it("rejects non-objects", () => {
    expect(c.telemetry.safeParse([1]).error?.issues[0]?.message).toBe("expected an object of key/value pairs");
  });

  it("keeps unknown primitive keys when told to", () => {
    const keep = compileThingModel(thermostat, { unknownKeys: "keep" });
    expect(keep.telemetry.parse({ temp: 1, rssi: -70, fw: "1.2", ok: true })).toEqual({
      temp: 1,
      rssi: -70,
      fw: "1.2",
      ok: true,
    });
    expect(keep.telemetry.safeParse({ nested: { a: 1 } }).success).toBe(false);
    expect(keep.telemetry.safeParse({ temp: 100 }).success).toBe(false);
  });

  it("validates reported attributes like telemetry", () => {
    expect(c.attributes.parse({ temp: 1, mode: "boost" })).toEqual({ temp: 1, mode: "boost" });
    expect(c.attributes.safeParse({ temp: 1000 }).success).toBe(false);
  });
});

describe("compileThingModel: desired", () => {
  it("accepts only rw properties, even when unknown keys are kept", () => {
    for (const c of [compileThingModel(thermostat), compileThingModel(thermostat, { unknownKeys: "keep" })]) {
      expect(c.desired.parse({ on: false, mode: "eco", label: "hi" })).toEqual({ on: false, mode: "eco", label: "hi" });
      expect(c.desired.safeParse({ temp: 20 }).success).toBe(false);
      expect(c.desired.safeParse({ rssi: 1 }).success).toBe(false);
      expect(c.desired.safeParse({ mode: "off" }).success).toBe(false);
    }
  });
});

describe("compileThingModel: events and commands", () => {
  const c = compileThingModel(thermostat);

  it("validates event params, with required and optional ones", () => {
    const overheat = c.event("overheat");
    expect(overheat?.parse({ temp: 99 })).toEqual({ temp: 99 });
    expect(overheat?.parse({ temp: 99, note: "hot" })).toEqual({ temp: 99, note: "hot" });
    expect(overheat?.safeParse({ note: "hot" }).success).toBe(false);
    expect(overheat?.safeParse({ temp: 99, other: 1 }).success).toBe(false);
  });

  it("returns undefined for unknown events and commands, including Object.prototype names", () => {
    expect(c.event("nope")).toBeUndefined();
    expect(c.event("constructor")).toBeUndefined();
    expect(c.commandInput("toString")).toBeUndefined();
    expect(c.commandOutput("nope")).toBeUndefined();
  });

  it("validates command input strictly and output by unknownKeys", () => {
    expect(c.commandInput("setMode")?.parse({ mode: "eco" })).toEqual({ mode: "eco" });
    expect(c.commandInput("setMode")?.safeParse({}).success).toBe(false);
    expect(c.commandInput("setMode")?.safeParse({ mode: "eco", x: 1 }).success).toBe(false);
    expect(c.commandOutput("setMode")?.parse({ ok: true })).toEqual({ ok: true });
    expect(c.commandOutput("setMode")?.safeParse({ ok: "yes" }).success).toBe(false);

    const keep = compileThingModel(thermostat, { unknownKeys: "keep" });
    expect(keep.commandOutput("setMode")?.parse({ ok: true, ms: 12 })).toEqual({ ok: true, ms: 12 });
    expect(keep.commandInput("setMode")?.safeParse({ mode: "eco", x: 1 }).success).toBe(false);
  });
});

describe("compileThingModel: validateTelemetry", () => {
  it("keeps the good keys when some are bad", () => {
    const c = compileThingModel(thermostat);
    expect(c.validateTelemetry({ temp: 21, count: 2.5, mode: "eco", rssi: -70, on: "yes" })).toEqual({
      valid: { temp: 21, mode: "eco" },
      errors: [
        { key: "count", reason: "expected an integer" },
        { key: "rssi", reason: "unknown key" },
        { key: "on", reason: "expected true or false" },
      ],
    });
  });

  it("accepts an empty object", () => {
    expect(compileThingModel(thermostat).validateTelemetry({})).toEqual({ valid: {}, errors: [] });
  });

  it("keeps unknown primitive keys as-is when told to", () => {
    const c = compileThingModel(thermostat, { unknownKeys: "keep" });
    expect(c.validateTelemetry({ temp: 500, rssi: -70, fw: "1.0", up: true, obj: { a: 1 }, arr: [1], nil: null })).toEqual({
      valid: { rssi: -70, fw: "1.0", up: true },
      errors: [
        { key: "temp", reason: "must be ≤ 85" },
        { key: "obj", reason: "unsupported value: expected a number, boolean or string" },
        { key: "arr", reason: "unsupported value: expected a number, boolean or string" },
        { key: "nil", reason: "unsupported value: expected a number, boolean or string" },
      ],
    });
  });

  it("does not treat Object.prototype names as declared properties", () => {
    const c = compileThingModel(thermostat);
    expect(c.validateTelemetry({ constructor: 1, toString: "x", hasOwnProperty: true })).toEqual({
      valid: {},
      errors: [
        { key: "constructor", reason: "unknown key" },
        { key: "toString", reason: "unknown key" },
        { key: "hasOwnProperty", reason: "unknown key" },
      ],
    });
  });

  it("refuses __proto__ and overlong unknown keys even when keeping unknown keys", () => {
    const c = compileThingModel(thermostat, { unknownKeys: "keep" });
    const values = JSON.parse(`{"__proto__": 1, "${"k".repeat(129)}": 2, "ok": 3}`) as Record<string, unknown>;
    const r = c.validateTelemetry(values);
    expect(r.valid).toEqual({ ok: 3 });
    expect(Object.getPrototypeOf(r.valid)).toBe(Object.prototype);
    expect(r.errors.map((e) => e.reason)).toEqual(["reserved key", "key must be 1 to 128 characters"]);
  });

  it("rejects non-object input as a whole", () => {
    const c = compileThingModel(thermostat);
    expect(c.validateTelemetry([] as unknown as Record<string, unknown>).errors).toEqual([
      { key: "", reason: "expected an object of key/value pairs" },
    ]);
  });

  it("accepts nothing for a hand-built enum without values", () => {
    const c = compileThingModel({
      properties: [{ identifier: "m", name: "M", type: "enum", access: "r" }],
      events: [],
      commands: [],
    });
    expect(c.validateTelemetry({ m: "a" }).errors).toEqual([{ key: "m", reason: "no value is allowed (enum has no values)" }]);
  });

  it("works for a model without properties", () => {
    const c = compileThingModel(model({}));
    expect(c.validateTelemetry({ a: 1 })).toEqual({ valid: {}, errors: [{ key: "a", reason: "unknown key" }] });
    expect(c.desired.safeParse({}).success).toBe(true);
  });
});
