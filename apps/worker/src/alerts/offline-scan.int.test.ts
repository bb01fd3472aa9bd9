import { randomBytes } from "node:crypto";
import { alarms, devices } from "@aspen/db/schema";
import { testSystemDb } from "@aspen/db/testing";
import { alarmNotifyJob, createProducer, createRedis } from "@aspen/jobs";
import { eq } from "drizzle-orm";
import { Registry } from "prom-client";
import { afterAll, describe, expect, it } from "vitest";
import { createMetrics } from "../metrics";
import { createRule, createWorld } from "../testing";
import { createWebhookEmitter } from "../webhooks/emit";
import { createOfflineScan } from "./offline-scan";

const sys = testSystemDb();
const redis = createRedis(process.env.REDIS_URL!);
const producer = createProducer(redis, `alerts-off-${randomBytes(4).toString("hex")}`);
const scan = createOfflineScan({
  db: sys,
  producer,
  webhooks: createWebhookEmitter(sys, producer),
  metrics: createMetrics(new Registry()),
});

afterAll(async () => {
  await producer.close();
  redis.disconnect();
  await sys.$close();
});

describe("offline detection (the repeatable job's work)", () => {
  it("raises once per offline episode for devices offline longer than N minutes, and clears when they are back", async () => {
    const w = await createWorld(sys, { devices: 3 });
    const [longGone, recent, online] = w.deviceIds as [string, string, string];
    const now = Date.now();
    await sys
      .update(devices)
      .set({ online: false, lastSeenAt: new Date(now - 20 * 60_000) })
      .where(eq(devices.id, longGone));
    await sys
      .update(devices)
      .set({ online: false, lastSeenAt: new Date(now - 2 * 60_000) })
      .where(eq(devices.id, recent));
    await sys
      .update(devices)
      .set({ online: true, lastSeenAt: new Date(now) })
      .where(eq(devices.id, online));
    const rule = await createRule(sys, w, {
      name: "Gone",
      severity: "major",
      trigger: { type: "offline", forMinutes: 10 },
      clear: { type: "online" },
    });
    const mine = () => sys.select().from(alarms).where(eq(alarms.ruleId, rule.id));

    await scan(now);
    await scan(now + 1000);
    const raised = await mine();
    expect(raised.map((a) => [a.deviceId, a.status])).toEqual([[longGone, "active"]]);
    const jobs = await producer.queueFor(alarmNotifyJob.queue).getJobs(["waiting", "delayed", "completed"]);
    expect(jobs.filter((j) => j.data.tenantId === w.tenant.id)).toHaveLength(1);

    await sys
      .update(devices)
      .set({ online: true, lastSeenAt: new Date(now + 2000) })
      .where(eq(devices.id, longGone));
    await scan(now + 3000);
    expect((await mine()).map((a) => [a.status, a.clearReason])).toEqual([["cleared", "auto"]]);
    // Offline again later: a new episode, a new alarm.
    await sys
      .update(devices)
      .set({ online: false, lastSeenAt: new Date(now + 4000) })
      .where(eq(devices.id, longGone));
    await scan(now + 4000 + 11 * 60_000);
    const ofLongGone = (await mine()).filter((a) => a.deviceId === longGone);
    expect(ofLongGone.map((a) => a.status).sort()).toEqual(["active", "cleared"]);
    // By then the other offline device is overdue too.
    expect((await mine()).filter((a) => a.deviceId === recent)).toHaveLength(1);
  });
});
