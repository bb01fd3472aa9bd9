import { describe, expect, it } from "vitest";
import { parseThingModel } from "./parse";
import { thingModelReasons } from "./reasons";

const prop = (over: Record<string, unknown> = {}) => ({ identifier: "temp", name: "Temperature", type: "float", ...over });

function reasonsOf(input: unknown) {
  const r = parseThingModel(input);
  if (r.ok) throw new Error("expected errors");
  return r.errors.map(({ path, reason, params }) => ({ path, reason, params }));
}

/** One bad model per rule: the reason and params the error must carry. */
const cases: [string, unknown, { path: string; reason: string; params?: Record<string, string | number> }][] = [
  ["missing field", { properties: [{ name: "N", type: "int" }] }, { path: "properties[0].identifier", reason: "required" }],
  [
    "unknown field",
    { properties: [prop({ colour: 1 })] },
    { path: "properties[0]", reason: "unknown_fields", params: { fields: "colour" } },
  ],
  ["model not an object", 42, { path: "", reason: "not_object", params: { what: "thing_model" } }],
  ["entry not an object", { commands: ["x"] }, { path: "commands[0]", reason: "not_object", params: { what: "command" } }],
  ["section not a list", { events: {} }, { path: "events", reason: "list_not_array", params: { list: "events" } }],
  [
    "too many params",
    { commands: [{ identifier: "c", name: "C", input: Array.from({ length: 51 }, (_, i) => prop({ identifier: `p${i}` })) }] },
    { path: "commands[0].input", reason: "list_too_long", params: { list: "input", max: 50 } },
  ],
  [
    "identifier not a string",
    { properties: [prop({ identifier: 7 })] },
    { path: "properties[0].identifier", reason: "identifier_not_string" },
  ],
  ["identifier shape", { properties: [prop({ identifier: "1x" })] }, { path: "properties[0].identifier", reason: "identifier_format" }],
  [
    "reserved identifier",
    { properties: [prop({ identifier: "__proto__" })] },
    { path: "properties[0].identifier", reason: "identifier_reserved", params: { identifier: "__proto__" } },
  ],
  [
    "duplicate identifier",
    { properties: [prop(), prop()] },
    { path: "properties[1].identifier", reason: "identifier_duplicate", params: { identifier: "temp" } },
  ],
  ["name not a string", { properties: [prop({ name: 1 })] }, { path: "properties[0].name", reason: "name_not_string" }],
  ["blank name", { properties: [prop({ name: " " })] }, { path: "properties[0].name", reason: "name_required" }],
  [
    "long name",
    { properties: [prop({ name: "n".repeat(101) })] },
    { path: "properties[0].name", reason: "name_too_long", params: { max: 100 } },
  ],
  [
    "long description",
    { events: [{ identifier: "e", name: "E", description: "d".repeat(501) }] },
    { path: "events[0].description", reason: "description_too_long", params: { max: 500 } },
  ],
  [
    "unknown type",
    { properties: [prop({ type: "quaternion" })] },
    { path: "properties[0].type", reason: "type_invalid", params: { types: "int, float, bool, string, enum" } },
  ],
  [
    "long unit",
    { properties: [prop({ unit: "u".repeat(33) })] },
    { path: "properties[0].unit", reason: "unit_too_long", params: { max: 32 } },
  ],
  ["min not a number", { properties: [prop({ min: "1" })] }, { path: "properties[0].min", reason: "min_not_number" }],
  ["max not a number", { properties: [prop({ max: "1" })] }, { path: "properties[0].max", reason: "max_not_number" }],
  ["min on a string", { properties: [prop({ type: "string", min: 1 })] }, { path: "properties[0].min", reason: "min_only_numeric" }],
  ["max on a bool", { properties: [prop({ type: "bool", max: 1 })] }, { path: "properties[0].max", reason: "max_only_numeric" }],
  [
    "min above max",
    { properties: [prop({ min: 5, max: 1 })] },
    { path: "properties[0].min", reason: "min_above_max", params: { min: 5, max: 1 } },
  ],
  ["enum without values", { properties: [prop({ type: "enum" })] }, { path: "properties[0].enumValues", reason: "enum_empty" }],
  [
    "too many enum values",
    { properties: [prop({ type: "enum", enumValues: Array.from({ length: 101 }, (_, i) => `v${i}`) })] },
    { path: "properties[0].enumValues", reason: "enum_too_many", params: { max: 100 } },
  ],
  [
    "enum value not a string",
    { properties: [prop({ type: "enum", enumValues: [1] })] },
    { path: "properties[0].enumValues[0]", reason: "enum_value_not_string" },
  ],
  [
    "empty enum value",
    { properties: [prop({ type: "enum", enumValues: [""] })] },
    { path: "properties[0].enumValues[0]", reason: "enum_value_empty" },
  ],
  [
    "long enum value",
    { properties: [prop({ type: "enum", enumValues: ["v".repeat(65)] })] },
    { path: "properties[0].enumValues[0]", reason: "enum_value_too_long", params: { max: 64 } },
  ],
  [
    "duplicate enum value",
    { properties: [prop({ type: "enum", enumValues: ["a", "a"] })] },
    { path: "properties[0].enumValues[1]", reason: "enum_value_duplicate", params: { value: "a" } },
  ],
  [
    "enum values on an int",
    { properties: [prop({ type: "int", enumValues: ["a"] })] },
    { path: "properties[0].enumValues", reason: "enum_values_only_enum" },
  ],
  [
    "fractional max length",
    { properties: [prop({ type: "string", maxLength: 1.5 })] },
    { path: "properties[0].maxLength", reason: "max_length_not_int" },
  ],
  [
    "max length 0",
    { properties: [prop({ type: "string", maxLength: 0 })] },
    { path: "properties[0].maxLength", reason: "max_length_too_small", params: { min: 1 } },
  ],
  [
    "huge max length",
    { properties: [prop({ type: "string", maxLength: 70_000 })] },
    { path: "properties[0].maxLength", reason: "max_length_too_big", params: { max: 65_536 } },
  ],
  [
    "max length on an int",
    { properties: [prop({ type: "int", maxLength: 3 })] },
    { path: "properties[0].maxLength", reason: "max_length_only_string" },
  ],
  ["bad access", { properties: [prop({ access: "w" })] }, { path: "properties[0].access", reason: "access_invalid" }],
  [
    "required not a boolean",
    { events: [{ identifier: "e", name: "E", params: [prop({ required: "yes" })] }] },
    { path: "events[0].params[0].required", reason: "required_not_boolean" },
  ],
  [
    "bad level",
    { events: [{ identifier: "e", name: "E", level: "panic" }] },
    { path: "events[0].level", reason: "level_invalid", params: { levels: "info, warning, fault" } },
  ],
];

describe("thing-model reasons", () => {
  it.each(cases)("%s", (_what, input, expected) => {
    expect(reasonsOf(input)).toContainEqual({ params: {}, ...expected });
  });

  it("every reason is reachable from some model, so a console dictionary of them is complete", () => {
    const seen = new Set(cases.map(([, , e]) => e.reason));
    expect(thingModelReasons.filter((r) => r !== "invalid" && !seen.has(r))).toEqual([]);
  });

  it("no error of these cases falls back to the untranslatable `invalid`", () => {
    const all = cases.flatMap(([, input]) => reasonsOf(input));
    expect(all.filter((e) => e.reason === "invalid")).toEqual([]);
  });
});
