import { randomBytes } from "node:crypto";
import { raiseAlarm, upsertNotificationPreferences, withSystem } from "@aspen/db";
import { testSystemDb } from "@aspen/db/testing";
import { dailyDigestJob } from "@aspen/jobs";
import type { Job } from "bullmq";
import pino from "pino";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../metrics";
import { createRule, createWorld, startSmtp } from "../testing";
import { createMailer } from "./mailer";
import { createNotificationProcessor } from "./processor";

const sys = testSystemDb();
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let run: ReturnType<typeof createNotificationProcessor>;
let mailer: ReturnType<typeof createMailer>;

beforeAll(async () => {
  smtp = await startSmtp();
  mailer = createMailer(smtp.url, "Aspen <test@aspen.local>");
  run = createNotificationProcessor({
    db: sys,
    mailer,
    appUrl: "http://localhost:3000",
    metrics: createMetrics(new Registry()),
    log: pino({ level: "silent" }),
  });
});
afterAll(async () => {
  mailer?.close();
  await smtp.close();
  await sys.$close();
});

describe("daily digest", () => {
  it("emails yesterday's alarms once to each member who chose it", async () => {
    const w = await createWorld(sys, { devices: 1 });
    const rule = await createRule(sys, w);
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await withSystem(sys, async (tx) => {
      await upsertNotificationPreferences(tx, w.tenant.id, w.owner.id, { emailSeverities: [], dailyDigest: true });
      await raiseAlarm(tx, {
        tenantId: w.tenant.id,
        ruleId: rule.id,
        deviceId: w.deviceIds[0]!,
        productId: w.productId,
        severity: "critical",
        title: "Hot",
        at: new Date(`${day}T12:00:00Z`),
        values: {},
        dedupKey: `digest-${randomBytes(4).toString("hex")}`,
      });
    });
    const job = { name: dailyDigestJob.name, data: { day } } as unknown as Job;
    await run(job);
    await run(job);
    const mine = smtp.mails.filter((m) => m.to === w.owner.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.raw).toContain(`daily digest for ${day}: 1 alarm(s)`);
    expect(mine[0]!.raw).toContain("[critical] Hot");
  });
});
