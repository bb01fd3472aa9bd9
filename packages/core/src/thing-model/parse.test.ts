import { describe, expect, it } from "vitest";
import { formatPath, parseThingModel } from "./parse";

const prop = (over: Record<string, unknown> = {}) => ({ identifier: "temp", name: "Temperature", type: "float", ...over });

/** Path and English message of each error (reasons are tested in reasons.test.ts). */
function errorsOf(input: unknown) {
  const r = parseThingModel(input);
  if (r.ok) throw new Error("expected errors");
  return r.errors.map(({ path, message }) => ({ path, message }));
}

describe("parseThingModel", () => {
  it("applies defaults to an empty model", () => {
    expect(parseThingModel({})).toEqual({ ok: true, model: { properties: [], events: [], commands: [] } });
  });

  it("accepts a full model and fills defaults", () => {
    const r = parseThingModel({
      properties: [
        prop({ unit: "°C", min: -40, max: 85 }),
        { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "boost"], access: "rw" },
        { identifier: "label", name: "Label", type: "string", maxLength: 20 },
        { identifier: "on", name: "On", type: "bool", access: "rw" },
        { identifier: "count", name: "Count", type: "int", min: 0 },
      ],
      events: [{ identifier: "overheat", name: "Overheat", level: "fault", params: [prop()] }],
      commands: [
        { identifier: "reboot", name: "Reboot" },
        { identifier: "setLevel", name: "Set level", input: [{ identifier: "level", name: "L", type: "int", required: false }] },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.properties[0]?.access).toBe("r");
    expect(r.model.properties[1]?.access).toBe("rw");
    expect(r.model.events[0]?.params[0]?.required).toBe(true);
    expect(r.model.commands[0]).toEqual({ identifier: "reboot", name: "Reboot", input: [], output: [] });
    expect(r.model.commands[1]?.input[0]?.required).toBe(false);
  });

  it("defaults an event's level to info", () => {
    const r = parseThingModel({ events: [{ identifier: "boot", name: "Boot" }] });
    expect(r.ok && r.model.events[0]).toEqual({ identifier: "boot", name: "Boot", level: "info", params: [] });
  });

  it.each(["", "1abc", "has-dash", "has space", "a".repeat(65), "ünï", "__proto__"])("rejects identifier %j", (identifier) => {
    expect(errorsOf({ properties: [prop({ identifier })] })[0]?.path).toBe("properties[0].identifier");
  });

  it.each(["_x", "a", "A1_b", "a".repeat(64)])("accepts identifier %j", (identifier) => {
    expect(parseThingModel({ properties: [prop({ identifier })] }).ok).toBe(true);
  });

  it("rejects duplicate identifiers in properties, events, commands and params", () => {
    const errors = errorsOf({
      properties: [prop(), prop()],
      events: [
        { identifier: "e", name: "E", params: [prop(), prop()] },
        { identifier: "e", name: "E2" },
      ],
      commands: [
        { identifier: "c", name: "C", output: [prop(), prop()] },
        { identifier: "c", name: "C2" },
      ],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "properties[1].identifier", message: 'Duplicate identifier "temp"' },
        { path: "events[0].params[1].identifier", message: 'Duplicate identifier "temp"' },
        { path: "events[1].identifier", message: 'Duplicate identifier "e"' },
        { path: "commands[0].output[1].identifier", message: 'Duplicate identifier "temp"' },
        { path: "commands[1].identifier", message: 'Duplicate identifier "c"' },
      ]),
    );
  });

  it("allows the same identifier across properties, events and commands", () => {
    const same = { identifier: "x", name: "X" };
    expect(parseThingModel({ properties: [{ ...same, type: "int" }], events: [same], commands: [same] }).ok).toBe(true);
  });

  it("rejects min > max", () => {
    expect(errorsOf({ properties: [prop({ min: 10, max: 1 })] })).toEqual([
      { path: "properties[0].min", message: "Minimum (10) must not be greater than maximum (1)" },
    ]);
  });

  it("accepts min == max", () => {
    expect(parseThingModel({ properties: [prop({ min: 1, max: 1 })] }).ok).toBe(true);
  });

  it.each(["bool", "string", "enum"])("rejects min/max on %s", (type) => {
    const errors = errorsOf({ properties: [prop({ type, min: 0, max: 1, enumValues: type === "enum" ? ["a"] : undefined })] });
    expect(errors.map((e) => e.path)).toEqual(["properties[0].min", "properties[0].max"]);
    expect(errors[0]?.message).toBe("Minimum is only allowed on int and float");
  });

  it("rejects an enum without values, or with empty or duplicate values", () => {
    expect(errorsOf({ properties: [prop({ type: "enum" })] })).toEqual([
      { path: "properties[0].enumValues", message: "An enum needs at least one value" },
    ]);
    expect(errorsOf({ properties: [prop({ type: "enum", enumValues: [] })] })[0]?.message).toBe("An enum needs at least one value");
    expect(errorsOf({ properties: [prop({ type: "enum", enumValues: [""] })] })[0]?.message).toBe("Enum values cannot be empty");
    expect(errorsOf({ properties: [prop({ type: "enum", enumValues: ["a", "a"] })] })).toEqual([
      { path: "properties[0].enumValues[1]", message: 'Duplicate enum value "a"' },
    ]);
  });

  it("rejects enum values and maxLength on other types", () => {
    expect(errorsOf({ properties: [prop({ type: "int", enumValues: ["a"] })] })[0]?.message).toBe(
      "Enum values are only allowed on type enum",
    );
    expect(errorsOf({ properties: [prop({ type: "int", maxLength: 3 })] })[0]?.message).toBe(
      "Maximum length is only allowed on type string",
    );
    expect(errorsOf({ properties: [prop({ type: "string", maxLength: 0 })] })[0]?.path).toBe("properties[0].maxLength");
  });

  it("applies the same rules to params", () => {
    const errors = errorsOf({
      events: [{ identifier: "e", name: "E", params: [prop({ type: "bool", min: 1 })] }],
      commands: [{ identifier: "c", name: "C", input: [prop({ type: "enum" })], output: [prop({ min: 2, max: 1 })] }],
    });
    expect(errors.map((e) => e.path)).toEqual(["events[0].params[0].min", "commands[0].input[0].enumValues", "commands[0].output[0].min"]);
  });

  it("rejects unknown types, levels, access and fields with readable messages", () => {
    const errors = errorsOf({
      properties: [prop({ type: "double", acess: "rw" }), prop({ identifier: "b", access: "w" })],
      events: [{ identifier: "e", name: "E", level: "critical" }],
      extra: true,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "properties[0].type", message: "Type must be one of: int, float, bool, string, enum" },
        { path: "properties[0]", message: 'Unknown field "acess"' },
        { path: "properties[1].access", message: 'Access must be "r" or "rw"' },
        { path: "events[0].level", message: "Level must be one of: info, warning, fault" },
        { path: "", message: 'Unknown field "extra"' },
      ]),
    );
  });

  it("reports missing fields as Required and reports every problem at once", () => {
    const errors = errorsOf({ properties: [{ type: "int", min: 3, max: 1 }] });
    expect(errors).toEqual([
      { path: "properties[0].identifier", message: "Required" },
      { path: "properties[0].name", message: "Required" },
      { path: "properties[0].min", message: "Minimum (3) must not be greater than maximum (1)" },
    ]);
  });

  it("rejects a blank name", () => {
    expect(errorsOf({ properties: [prop({ name: "   " })] })[0]).toEqual({
      path: "properties[0].name",
      message: "Name is required",
    });
  });

  it.each([null, 42, "model", []])("rejects %j as a model", (input) => {
    expect(errorsOf(input)).toEqual([{ path: "", message: "A thing model must be an object" }]);
  });

  it("rejects non-list sections and non-object entries", () => {
    expect(errorsOf({ properties: {} })).toEqual([{ path: "properties", message: "Properties must be a list" }]);
    expect(errorsOf({ properties: ["temp"] })).toEqual([{ path: "properties[0]", message: "A property must be an object" }]);
  });

  it("caps list sizes", () => {
    const many = Array.from({ length: 51 }, (_, i) => prop({ identifier: `p${i}` }));
    expect(errorsOf({ events: [{ identifier: "e", name: "E", params: many }] })[0]?.message).toBe("At most 50 parameters are allowed");
  });
});

describe("formatPath", () => {
  it("joins keys with dots and indexes with brackets", () => {
    expect(formatPath(["properties", 2, "enumValues", 0])).toBe("properties[2].enumValues[0]");
    expect(formatPath([])).toBe("");
  });
});
