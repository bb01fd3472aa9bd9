/* eslint-disable @typescript-eslint/no-unnecessary-type-assertion -- without the `as R` casts it.each infers a tuple union that summarizeRule does not accept */
import { describe, expect, it } from "vitest";
import { thingModelSchema } from "../thing-model/schema";
import type { AlertRuleSpecInput } from "./rule-schema";
import { summarizeRule } from "./summary";

const thingModel = thingModelSchema.parse({
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C" },
    { identifier: "humidity", name: "Humidity", type: "float", unit: "%" },
  ],
  events: [{ identifier: "overheat", name: "Overheat", level: "fault" }],
});
type R = Pick<AlertRuleSpecInput, "trigger" | "clear" | "deviceIds" | "labels">;
const hot: R = {
  trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }], forSeconds: 300 },
  labels: { site: "berlin" },
};

describe("summarizeRule", () => {
  it.each([
    [hot, "Temperature above 30 °C for 5 min on devices labelled site=berlin", "温度"],
    [
      { trigger: { type: "offline", forMinutes: 10 }, clear: { type: "online" } } as R,
      "Offline for more than 10 min on all devices; clears when the device is back online",
      "",
    ],
    [{ trigger: { type: "event", event: "overheat" }, deviceIds: ["dev_a", "dev_b"] } as R, 'Event "Overheat" on 2 devices', ""],
    [{ trigger: { type: "event", level: "warning" } } as R, "Any event (warning or above) on all devices", ""],
    [
      {
        trigger: {
          type: "telemetry",
          combine: "any",
          conditions: [
            { kind: "range", property: "temperature", op: "outside", min: 10, max: 20 },
            { kind: "change", property: "humidity", delta: 5, windowSeconds: 60 },
          ],
        },
      } as R,
      "Temperature outside 10 … 20 °C or Humidity changed by more than 5 % within 1 min on all devices",
      "",
    ],
    [
      {
        ...hot,
        deviceIds: ["dev_a"],
        clear: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: "<=", value: 25 }], forSeconds: 30 },
      } as R,
      "Temperature above 30 °C for 5 min on 1 device labelled site=berlin; clears when Temperature at or below 25 °C for 30 s",
      "",
    ],
  ])("en: %j", (rule, want) => {
    expect(summarizeRule(rule, { thingModel })).toBe(want);
  });

  it("speaks zh-CN", () => {
    const zhModel = thingModelSchema.parse({ properties: [{ identifier: "temperature", name: "温度", type: "float", unit: "°C" }] });
    expect(summarizeRule(hot, { locale: "zh-CN", thingModel: zhModel })).toBe(
      "温度 高于 30 °C 持续 5 分钟，作用于标签为 site=berlin 的设备",
    );
    expect(summarizeRule({ trigger: { type: "offline", forMinutes: 120 } }, { locale: "zh-CN" })).toBe("离线超过 2 小时，作用于所有设备");
  });

  it("falls back to identifiers without a thing model", () => {
    expect(summarizeRule({ trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "t", op: "!=", value: "x" }] } })).toBe(
      't is not "x" on all devices',
    );
  });
});
