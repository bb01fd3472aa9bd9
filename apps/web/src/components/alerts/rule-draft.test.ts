import type { ThingModel } from "@aspen/core/browser";
import { describe, expect, it } from "vitest";
import { checkDraft, draftSummary, draftToInput, newDraft, parseLabels, specToDraft, type RuleDraft } from "./rule-draft";

const model = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125, access: "r" },
    { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "comfort"], access: "rw" },
    { identifier: "door", name: "Door", type: "bool", access: "r" },
  ],
  events: [{ identifier: "overheat", name: "Overheat", level: "warning", params: [] }],
  commands: [],
} as unknown as ThingModel;

function draft(patch: Partial<RuleDraft> = {}): RuleDraft {
  const d = newDraft(model);
  return { ...d, name: "Too hot", ...patch, telemetry: { ...d.telemetry, ...(patch.telemetry ?? {}) } };
}

describe("rule draft", () => {
  it("starts on the first numeric property and refuses an empty value with the server's message and path", () => {
    const d = draft();
    expect(d.telemetry.conditions[0]!.property).toBe("temperature");
    const check = checkDraft(d, model);
    expect(check.spec).toBeNull();
    expect(check.errors["rule.trigger.conditions[0].value"]).toMatch(/number/);
  });

  it("builds a spec the schema accepts, typed per property", () => {
    const d = draft();
    d.telemetry.conditions = [
      { ...d.telemetry.conditions[0]!, value: "30" },
      { ...d.telemetry.conditions[0]!, property: "door", op: "==", value: "true" },
      { ...d.telemetry.conditions[0]!, property: "mode", op: "!=", value: "eco" },
    ];
    d.telemetry.forSeconds = "300";
    const check = checkDraft(d, model);
    expect(check.errors).toEqual({});
    expect(check.spec?.trigger).toMatchObject({
      type: "telemetry",
      forSeconds: 300,
      conditions: [
        { kind: "compare", property: "temperature", op: ">", value: 30 },
        { kind: "compare", property: "door", op: "==", value: true },
        { kind: "compare", property: "mode", op: "!=", value: "eco" },
      ],
    });
  });

  it("refuses what can never be true against the thing model, naming the field", () => {
    const d = draft();
    d.telemetry.conditions = [{ ...d.telemetry.conditions[0]!, value: "500" }];
    expect(checkDraft(d, model).errors["rule.trigger.conditions[0].value"]).toMatch(/Can never be true/);
  });

  it("range with max below min names max; change needs a positive delta", () => {
    const d = draft();
    d.telemetry.conditions = [
      { ...d.telemetry.conditions[0]!, kind: "range", op: "between", min: "20", max: "10" },
      { ...d.telemetry.conditions[0]!, kind: "change", op: "", delta: "0", windowSeconds: "60" },
    ];
    const errors = checkDraft(d, model).errors;
    expect(errors["rule.trigger.conditions[0].max"]).toMatch(/less than minimum/);
    expect(errors["rule.trigger.conditions[1].delta"]).toMatch(/greater than 0/);
  });

  it("offline rules clear when back online; telemetry rules cannot", () => {
    expect(checkDraft(draft({ triggerType: "offline", offlineMinutes: "5", clearType: "online" }), model).spec?.clear).toEqual({
      type: "online",
    });
    const telemetry = draft({ clearType: "online" });
    telemetry.telemetry.conditions = [{ ...telemetry.telemetry.conditions[0]!, value: "30" }];
    expect(checkDraft(telemetry, model).errors["rule.clear.type"]).toMatch(/only clear an offline rule/);
  });

  it("event rules need an event or a level that exists", () => {
    expect(checkDraft(draft({ triggerType: "event" }), model).errors["rule.trigger.event"]).toMatch(/Choose an event or a level/);
    expect(checkDraft(draft({ triggerType: "event", level: "fault" }), model).errors["rule.trigger.level"]).toMatch(/No event/);
    expect(checkDraft(draft({ triggerType: "event", event: "overheat" }), model).spec?.trigger).toEqual({
      type: "event",
      event: "overheat",
    });
  });

  it("labels from key=value lines, actions from the checkboxes", () => {
    expect(parseLabels("site=berlin\n floor = 2 ")).toEqual({ site: "berlin", floor: "2" });
    const input = draftToInput(draft({ labelsText: "site=berlin", notify: false, webhookIds: ["whk_x"] }), model);
    expect(input.labels).toEqual({ site: "berlin" });
    expect(input.actions).toEqual({ webhookIds: ["whk_x"] });
  });

  it("words the rule before the name is filled in, in English and Chinese", () => {
    const d = draft({ name: "", labelsText: "site=berlin" });
    d.telemetry.conditions = [{ ...d.telemetry.conditions[0]!, value: "30" }];
    d.telemetry.forSeconds = "300";
    expect(checkDraft(d, model).spec).toBeNull();
    expect(draftSummary(d, "en", model)).toBe("Temperature above 30 °C for 5 min on devices labelled site=berlin");
    expect(draftSummary(d, "zh-CN", model)).toBe("Temperature 高于 30 °C 持续 5 分钟，作用于标签为 site=berlin 的设备");
    expect(draftSummary(draft(), "en", model)).toBeNull();
  });

  it("a stored rule round-trips through the form", () => {
    const d = draft({ labelsText: "site=berlin", clearType: "telemetry", severity: "critical" });
    d.telemetry.conditions = [{ ...d.telemetry.conditions[0]!, value: "30" }];
    d.clear = { combine: "any", forSeconds: "60", conditions: [{ ...d.clear.conditions[0]!, op: "<", value: "25" }] };
    const spec = checkDraft(d, model).spec!;
    expect(spec).not.toBeNull();
    expect(checkDraft(specToDraft(spec, model), model).spec).toEqual(spec);
  });
});
