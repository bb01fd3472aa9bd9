import { randomBytes } from "node:crypto";
import { hashSecret } from "@aspen/core";
import { alarms, devices, telemetry } from "@aspen/db/schema";
import { testSystemDb } from "@aspen/db/testing";
import { createRedis } from "@aspen/jobs";
import { and, count, eq, gte, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEndpoint,
  createRule,
  createWorld,
  freePort,
  startBrokerProcess,
  startQos1Fleet,
  startReceiver,
  startSmtp,
  startWorker,
  waitFor,
} from "../testing";

// Devices publish QoS 1 telemetry through the real broker while the alerts worker is SIGKILLed in the
// middle of the ingest stream and started again.
const sys = testSystemDb();
const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const run = randomBytes(4).toString("hex");
const prefix = `faults-kill-${run}:`;
const secrets = new Map<string, string>();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let worker: ReturnType<typeof startWorker> | undefined;
let broker: Awaited<ReturnType<typeof startBrokerProcess>> | undefined;
let mqttPort = 0;

const workerEnv = async () => ({
  REDIS_PREFIX: prefix,
  BULLMQ_PREFIX: `faults-kill-${run}`,
  WORKER_HTTP_PORT: String(await freePort()),
  SMTP_URL: smtp.url,
  WEBHOOK_ALLOW_LOOPBACK: "true",
  WEBHOOK_RETRY_SCALE: "0.0002",
  // the same consumer after the restart: it reads its own pending entries first
  ALERTS_CONSUMER: `faults-kill-${run}`,
  ALERTS_CLAIM_IDLE_MS: "1000",
  ALERTS_READ_COUNT: "5",
  ALERTS_OFFLINE_SCAN_MS: "600000",
  JOB_LOCK_MS: "2000",
});

beforeAll(async () => {
  smtp = await startSmtp();
  receiver = await startReceiver((p) => secrets.get(p));
  mqttPort = await freePort();
  broker = await startBrokerProcess({
    REDIS_PREFIX: prefix,
    MQTT_PORT: String(mqttPort),
    HTTP_PORT: String(await freePort()),
    BROKER_ID: `faults-kill-${run}`,
    BATCH_MAX_MS: "20",
  });
}, 60_000);

afterAll(async () => {
  worker?.child.kill("SIGTERM");
  broker?.child.kill("SIGTERM");
  await Promise.all([worker?.exited, broker?.exited]);
  await receiver?.close();
  await smtp?.close();
  await redis.del(`${prefix}aspen:stream:ingest`);
  redis.disconnect();
  await sys.$close();
});

describe("alerts worker killed mid-stream under MQTT load", () => {
  it("after restart every device has exactly one alarm counting each stored point once, one email and one webhook id", async () => {
    const n = 12;
    const w = await createWorld(sys, { devices: n });
    const fleetDevices = [];
    for (const [i, id] of w.deviceIds.entries()) {
      const secret = randomBytes(32).toString("base64url");
      await sys
        .update(devices)
        .set({ secretHash: hashSecret(secret) })
        .where(eq(devices.id, id));
      fleetDevices.push({ id, username: `${w.tenant.slug}/${w.deviceNames[i]}`, secret });
    }
    const path = `/kill-${w.tenant.id}`;
    const ep = await createEndpoint(sys, w.tenant.id, receiver.url(path));
    secrets.set(path, ep.secret);
    // Every value is above the threshold: one alarm per device, raised by its first point and
    // repeated by each later one (count = points evaluated).
    const rule = await createRule(sys, w, {
      trigger: {
        type: "telemetry",
        combine: "all",
        conditions: [{ kind: "compare", property: "temperature", op: ">", value: -100 }],
        forSeconds: 0,
      },
    });
    worker = startWorker(await workerEnv());
    await worker.ready();

    // One message in flight per device: its points reach the stream in order (a point older than the
    // pair's latest is ignored by design, which would blur the count below).
    const fleet = startQos1Fleet({ url: `mqtt://127.0.0.1:${mqttPort}`, devices: fleetDevices, ratePerDevice: 25, window: 1 });
    const alarmRows = () => sys.select().from(alarms).where(eq(alarms.ruleId, rule.id));
    // Every alarm raised, mailed and delivered; then the worker dies in the middle of the stream of repeats
    // (an email job killed mid-send would come back only after BullMQ's 30 s stall check).
    await waitFor("every alarm", async () => (await alarmRows()).length === n, 30_000);
    await waitFor("the emails", () => smtp.mails.filter((m) => m.to === w.owner.email).length >= n, 30_000);
    await waitFor("the webhooks", () => new Set(receiver.got.get(path)?.map((h) => h.id)).size >= n, 30_000);
    await new Promise((r) => setTimeout(r, 300));
    worker.child.kill("SIGKILL");
    await worker.exited;
    const atKill = await alarmRows();
    const countedAtKill = atKill.reduce((sum, a) => sum + a.count, 0);
    // Keep publishing while no worker runs: the stream grows, then the restarted worker catches up.
    await new Promise((r) => setTimeout(r, 2000));
    worker = startWorker(await workerEnv());
    await worker.ready();
    await new Promise((r) => setTimeout(r, 2000));
    await fleet.stop();
    expect(fleet.ackedTotal()).toBeGreaterThan(n * 20);
    await new Promise((r) => setTimeout(r, 1000)); // what was in flight at the stop is committed (or not) by now

    // The stored points per device: every acknowledged one (and possibly some whose PUBACK was lost).
    const stored = new Map(
      (
        await sys
          .select({ deviceId: telemetry.deviceId, points: count() })
          .from(telemetry)
          .where(and(inArray(telemetry.deviceId, w.deviceIds), gte(telemetry.ts, new Date(fleet.base))))
          .groupBy(telemetry.deviceId)
      ).map((r) => [r.deviceId, r.points]),
    );
    for (const [deviceId, missing] of await fleet.missing(sys)) expect(missing, `device ${deviceId}`).toEqual([]);
    const rows = await waitFor(
      "every point counted",
      async () => {
        const r = await alarmRows();
        return r.length === n && r.every((a) => a.count >= (stored.get(a.deviceId) ?? Infinity)) ? r : undefined;
      },
      60_000,
    ).catch(async (e: Error) => {
      const r = await alarmRows();
      throw new Error(
        `${e.message}: ${r.length} alarms, counts ${r.map((a) => `${a.count}/${stored.get(a.deviceId)}`).join(" ")}\n${worker?.state.out.slice(-3000) ?? ""}`,
      );
    });
    await new Promise((r) => setTimeout(r, 2000)); // duplicates would arrive by now

    // One alarm per device, and each stored point counted exactly once although entries were re-read.
    expect(rows).toHaveLength(n);
    for (const a of rows) expect(a.count, `device ${a.deviceId}`).toBe(stored.get(a.deviceId));
    // At least once: a webhook may be delivered again, always with the same webhook-id (receivers dedupe
    // on it); one alarm.created event per alarm. Emails: one per alarm.
    const hooks = receiver.got.get(path) ?? [];
    const ids = new Set(hooks.map((h) => h.id));
    expect(ids.size).toBe(n);
    expect(hooks.every((h) => h.verified)).toBe(true);
    expect(smtp.mails.filter((m) => m.to === w.owner.email)).toHaveLength(n);
    console.log(
      `worker SIGKILL: ${fleet.ackedTotal()} acknowledged points, ${countedAtKill} counted at the kill, ` +
        `after restart ${rows.length} alarms counting ${rows.reduce((s, a) => s + a.count, 0)} points (stored ${[...stored.values()].reduce((s, v) => s + v, 0)}), ` +
        `${hooks.length} webhook deliveries with ${ids.size} ids, ${n} emails`,
    );
  }, 180_000);
});
