import { randomBytes } from "node:crypto";
import { alarms } from "@aspen/db/schema";
import { testSystemDb } from "@aspen/db/testing";
import { createRedis } from "@aspen/jobs";
import { eq } from "drizzle-orm";
import mqtt from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEndpoint,
  createRule,
  createWorld,
  freePort,
  startBrokerProcess,
  startReceiver,
  startSmtp,
  startWorker,
  waitFor,
} from "../testing";

// The whole path with the real broker: MQTT PUBACK → ingest stream → worker → alarm, email, webhook.
const sys = testSystemDb();
const redis = createRedis(process.env.REDIS_URL!);
const run = randomBytes(4).toString("hex");
const prefix = `alerts-e2e-${run}:`;
const secrets = new Map<string, string>();
let mqttPort: number;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let worker: ReturnType<typeof startWorker>;
let broker: Awaited<ReturnType<typeof startBrokerProcess>>;

beforeAll(async () => {
  smtp = await startSmtp();
  receiver = await startReceiver((p) => secrets.get(p));
  mqttPort = await freePort();
  broker = await startBrokerProcess({
    REDIS_PREFIX: prefix,
    MQTT_PORT: String(mqttPort),
    HTTP_PORT: String(await freePort()),
    BROKER_ID: `e2e-${run}`,
  });
  worker = startWorker({
    REDIS_PREFIX: prefix,
    BULLMQ_PREFIX: `alerts-e2e-${run}`,
    WORKER_HTTP_PORT: String(await freePort()),
    SMTP_URL: smtp.url,
    WEBHOOK_ALLOW_LOOPBACK: "true",
    ALERTS_CONSUMER: `e2e-${run}`,
  });
  await worker.ready();
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

describe("MQTT device → broker → worker", () => {
  it("a device publishing values above the threshold for the duration raises one alarm, one email and one verified webhook", async () => {
    const secret = randomBytes(32).toString("base64url");
    const w = await createWorld(sys, { devices: 1, secret });
    const ep = await createEndpoint(sys, w.tenant.id, receiver.url(`/e2e-${w.tenant.id}`));
    secrets.set(`/e2e-${w.tenant.id}`, ep.secret);
    const rule = await createRule(sys, w, {
      trigger: {
        type: "telemetry",
        combine: "all",
        conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }],
        forSeconds: 2,
      },
    });
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, {
      username: `${w.tenant.slug}/${w.deviceNames[0]}`,
      password: secret,
      protocolVersion: 4,
      clientId: `e2e-${run}`,
      reconnectPeriod: 0,
    });
    try {
      const t0 = Date.now();
      for (const [dt, temperature] of [
        [0, 31],
        [1000, 32],
        [2500, 33],
        [3000, 34],
      ] as const) {
        await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ ts: t0 + dt, values: { temperature } }), { qos: 1 });
      }
      const rows = await waitFor("the alarm", async () => {
        const r = await sys.select().from(alarms).where(eq(alarms.ruleId, rule.id));
        return r.length && r[0]!.count >= 2 ? r : undefined;
      });
      await waitFor("the email", () => smtp.mails.some((m) => m.to === w.owner.email));
      await waitFor("the webhook", () => (receiver.got.get(`/e2e-${w.tenant.id}`)?.length ?? 0) > 0);
      await new Promise((r) => setTimeout(r, 1500));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.firstSeenAt.getTime()).toBe(t0 + 2500);
      expect(smtp.mails.filter((m) => m.to === w.owner.email)).toHaveLength(1);
      const hooks = receiver.got.get(`/e2e-${w.tenant.id}`)!;
      expect(hooks).toHaveLength(1);
      expect(hooks[0]!.verified).toBe(true);
    } finally {
      await client.endAsync();
    }
  }, 60_000);
});
