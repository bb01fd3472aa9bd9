import { describe, expect, it } from "vitest";
import { alarmNotifyJob, webhookDisabledNotifyJob } from "./notifications";
import { webhookDeliverJob } from "./webhooks";

const id = "0b7e4a53-2f1a-4c39-9d55-7e3f1c1a2b3c";

describe("job definitions", () => {
  it("give deterministic ids without ':' (BullMQ refuses them) and keep history capped", () => {
    const ids = [
      alarmNotifyJob.jobId!({ tenantId: id, alarmEventId: id }),
      webhookDisabledNotifyJob.jobId!({ tenantId: id, endpointId: id, reason: "gone", at: 1 }),
      webhookDeliverJob.jobId!(webhookDeliverJob.schema.parse({ tenantId: id, deliveryId: id })),
    ];
    for (const j of ids) expect(j).not.toContain(":");
    expect(ids[2]).toBe(`dlv-${id}-0`);
    expect(webhookDeliverJob.jobId!({ tenantId: id, deliveryId: id, replay: 2 })).toBe(`dlv-${id}-2`);
    for (const def of [alarmNotifyJob, webhookDeliverJob]) {
      expect(def.options.removeOnComplete).toBeTruthy();
      expect(def.options.removeOnFail).toBeTruthy();
      expect(def.options.attempts).toBeGreaterThan(1);
    }
  });
  it("carry no secrets: payloads are ids only", () => {
    expect(Object.keys(webhookDeliverJob.schema.shape)).toEqual(["tenantId", "deliveryId", "replay"]);
    expect(() => alarmNotifyJob.schema.parse({ tenantId: "x", alarmEventId: id })).toThrow();
  });
});
