import { describe, expect, it } from "vitest";
import { thingModelSchema } from "../thing-model/schema";
import { alertRuleSpecSchema, type AlertRuleSpecInput } from "./rule-schema";
import { validateAlertRule } from "./validate-rule";

const model = thingModelSchema.parse({
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125 },
    { identifier: "level", name: "Level", type: "int", min: 0, max: 10 },
    { identifier: "door", name: "Door", type: "bool" },
    { identifier: "mode", name: "Mode", type: "enum", enumValues: ["auto", "manual"] },
    { identifier: "note", name: "Note", type: "string" },
  ],
  events: [
    { identifier: "overheat", name: "Overheat", level: "fault" },
    { identifier: "boot", name: "Boot", level: "info" },
  ],
});

const base = { name: "r", severity: "major" } as const;
const telemetry = (conditions: unknown[], combine: "all" | "any" = "all") => ({
  ...base,
  trigger: { type: "telemetry", combine, conditions },
});
const issues = (r: unknown) => validateAlertRule(alertRuleSpecSchema.parse(r), model);
const paths = (r: unknown) => issues(r).map((i) => i.path.join("."));

describe("validateAlertRule", () => {
  it("accepts good rules", () => {
    for (const r of [
      telemetry([{ kind: "compare", property: "temperature", op: ">", value: 30 }]),
      telemetry([{ kind: "range", property: "temperature", op: "between", min: 10, max: 20 }]),
      telemetry([{ kind: "range", property: "temperature", op: "outside", min: 10, max: 20 }]),
      telemetry([{ kind: "change", property: "temperature", delta: 5, windowSeconds: 60 }]),
      telemetry([{ kind: "compare", property: "door", op: "==", value: true }]),
      telemetry([{ kind: "compare", property: "mode", op: "!=", value: "auto" }]),
      telemetry([
        { kind: "compare", property: "temperature", op: ">", value: 30 },
        { kind: "compare", property: "temperature", op: "<", value: 40 },
      ]),
      telemetry(
        [
          { kind: "compare", property: "temperature", op: ">", value: 40 },
          { kind: "compare", property: "temperature", op: "<", value: 30 },
        ],
        "any",
      ),
      { ...base, trigger: { type: "offline", forMinutes: 5 }, clear: { type: "online" } },
      { ...base, trigger: { type: "event", event: "overheat", level: "warning" } },
      { ...base, trigger: { type: "event", level: "fault" } },
    ] as AlertRuleSpecInput[]) {
      expect(issues(r)).toEqual([]);
    }
  });

  it.each([
    [
      "unknown property",
      [{ kind: "compare", property: "pressure", op: ">", value: 1 }],
      "trigger.conditions.0.property",
      /Unknown property "pressure"/,
    ],
    ["> on a bool", [{ kind: "compare", property: "door", op: ">", value: 1 }], "trigger.conditions.0.op", /bool: only == and !=/],
    ["between on a string", [{ kind: "range", property: "note", op: "between", min: 1, max: 2 }], "trigger.conditions.0.kind", /string/],
    ["change on an enum", [{ kind: "change", property: "mode", delta: 1, windowSeconds: 5 }], "trigger.conditions.0.kind", /enum/],
    [
      "number compared with text",
      [{ kind: "compare", property: "temperature", op: "==", value: "hot" }],
      "trigger.conditions.0.value",
      /compare it with a number/,
    ],
    [
      "bool compared with a number",
      [{ kind: "compare", property: "door", op: "==", value: 1 }],
      "trigger.conditions.0.value",
      /true or false/,
    ],
    [
      "unknown enum value",
      [{ kind: "compare", property: "mode", op: "==", value: "turbo" }],
      "trigger.conditions.0.value",
      /never "turbo"/,
    ],
    [
      "above the property's maximum",
      [{ kind: "compare", property: "temperature", op: ">", value: 125 }],
      "trigger.conditions.0.value",
      /Can never be true/,
    ],
    [
      "below the property's minimum",
      [{ kind: "compare", property: "temperature", op: "<", value: -40 }],
      "trigger.conditions.0.value",
      /Can never be true/,
    ],
    [
      "a fraction on an int",
      [{ kind: "compare", property: "level", op: "==", value: 2.5 }],
      "trigger.conditions.0.value",
      /Can never be true/,
    ],
    [
      "int strictly between neighbours",
      [
        { kind: "compare", property: "level", op: ">", value: 2 },
        { kind: "compare", property: "level", op: "<", value: 3 },
      ],
      "trigger.conditions.1",
      /together/,
    ],
    [
      "outside the whole range",
      [{ kind: "range", property: "level", op: "outside", min: 0, max: 10 }],
      "trigger.conditions.0.min",
      /Can never be true/,
    ],
    [
      "change larger than the range",
      [{ kind: "change", property: "level", delta: 10, windowSeconds: 5 }],
      "trigger.conditions.0.delta",
      /varies by at most 10/,
    ],
    [
      "contradicting AND",
      [
        { kind: "compare", property: "temperature", op: ">", value: 40 },
        { kind: "compare", property: "temperature", op: "<", value: 30 },
      ],
      "trigger.conditions.1",
      /together/,
    ],
    [
      "== and > contradict",
      [
        { kind: "compare", property: "temperature", op: "==", value: 10 },
        { kind: "compare", property: "temperature", op: ">", value: 10 },
      ],
      "trigger.conditions.1",
      /together/,
    ],
  ])("refuses %s", (_n, conditions, path, message) => {
    const found = issues(telemetry(conditions));
    expect(found.map((i) => i.path.join("."))).toContain(path);
    expect(found.find((i) => i.path.join(".") === path)!.message).toMatch(message);
  });

  it("checks the clear condition and events too", () => {
    expect(
      paths({
        ...telemetry([{ kind: "compare", property: "temperature", op: ">", value: 30 }]),
        clear: { type: "telemetry", conditions: [{ kind: "compare", property: "gone", op: "<", value: 1 }] },
      }),
    ).toEqual(["clear.conditions.0.property"]);
    expect(paths({ ...base, trigger: { type: "event", event: "nope" } })).toEqual(["trigger.event"]);
    expect(issues({ ...base, trigger: { type: "event", event: "boot", level: "warning" } })[0]!.message).toMatch(/always has level info/);
  });
});

describe("alertRuleSpecSchema", () => {
  const err = (r: unknown) => {
    const res = alertRuleSpecSchema.safeParse(r);
    return res.success ? [] : res.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  it.each([
    [
      "between 10 and 5",
      telemetry([{ kind: "range", property: "t", op: "between", min: 10, max: 5 }]),
      "trigger.conditions.0.max: Maximum must not be less than minimum",
    ],
    ["an unknown operator", telemetry([{ kind: "compare", property: "t", op: "=>", value: 5 }]), "trigger.conditions.0.op"],
    ["no conditions", telemetry([]), "trigger.conditions: Add at least one condition"],
    ["a zero change", telemetry([{ kind: "change", property: "t", delta: 0, windowSeconds: 5 }]), "trigger.conditions.0.delta"],
    [
      "a negative duration",
      {
        ...telemetry([{ kind: "compare", property: "t", op: ">", value: 1 }]),
        trigger: { type: "telemetry", forSeconds: -1, conditions: [{ kind: "compare", property: "t", op: ">", value: 1 }] },
      },
      "trigger.forSeconds",
    ],
    ["an event trigger with nothing", { ...base, trigger: { type: "event" } }, "trigger.event: Choose an event or a level"],
    [
      "online clearing a telemetry rule",
      { ...telemetry([{ kind: "compare", property: "t", op: ">", value: 1 }]), clear: { type: "online" } },
      "clear.type",
    ],
    ["an unknown severity", { ...telemetry([{ kind: "compare", property: "t", op: ">", value: 1 }]), severity: "bad" }, "severity"],
    ["an empty name", { ...telemetry([{ kind: "compare", property: "t", op: ">", value: 1 }]), name: " " }, "name: Name is required"],
  ])("refuses %s", (_n, r, want) => {
    expect(err(r).some((e) => e.startsWith(want))).toBe(true);
  });
});
