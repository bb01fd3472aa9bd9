import { parseThingModel } from "@aspen/core";
import { describe, expect, it } from "vitest";
import { fromThingModel, newCommand, newParam, newProperty, toThingModelInput, type ThingModelDraft } from "./thing-model-draft";

describe("thing model draft", () => {
  it("turns editor rows into a model the core validator accepts", () => {
    const draft: ThingModelDraft = {
      properties: [
        { ...newProperty(), identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: "-40", max: "85" },
        { ...newProperty(), identifier: "mode", name: "Mode", type: "enum", enumValues: "eco, comfort ,, boost", access: "rw", min: "1" },
      ],
      events: [],
      commands: [
        {
          ...newCommand(),
          identifier: "reboot",
          name: "Reboot",
          input: [{ ...newParam(), identifier: "delay", name: "Delay", type: "int", min: "0" }],
        },
      ],
    };
    const input = toThingModelInput(draft);
    expect(input.properties?.[0]).toMatchObject({ identifier: "temperature", min: -40, max: 85, unit: "°C", access: "r" });
    // min/max only travel with numeric types; enum values are split and trimmed.
    expect(input.properties?.[1]).toEqual({
      identifier: "mode",
      name: "Mode",
      type: "enum",
      enumValues: ["eco", "comfort", "boost"],
      access: "rw",
    });
    const parsed = parseThingModel(input);
    expect(parsed.ok).toBe(true);
  });

  it("sends non-numbers as typed so the server can name the field", () => {
    const input = toThingModelInput({
      properties: [{ ...newProperty(), identifier: "t", name: "T", type: "int", min: "abc" }],
      events: [],
      commands: [],
    });
    expect(input.properties?.[0]).toMatchObject({ min: "abc" });
    const parsed = parseThingModel(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.path)).toContain("properties[0].min");
  });

  it("round-trips a stored model", () => {
    const model = {
      properties: [{ identifier: "on", name: "On", type: "bool", access: "rw" }],
      events: [
        {
          identifier: "overheat",
          name: "Overheat",
          level: "fault",
          params: [{ identifier: "t", name: "T", type: "float", required: false }],
        },
      ],
      commands: [{ identifier: "set", name: "Set", input: [], output: [{ identifier: "ok", name: "OK", type: "bool", required: true }] }],
    };
    expect(toThingModelInput(fromThingModel(model))).toEqual(model);
  });

  it("tolerates junk", () => {
    expect(fromThingModel({ properties: "x", events: [null, 3] })).toEqual({ properties: [], events: [], commands: [] });
  });
});
