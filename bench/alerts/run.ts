// Alerts, side by side in one run, with Aspen's broker and worker as child processes:
//  1. ingest (closed loop) with no rules and with 100 active rules on the product, alternated: msgs/s ratios;
//  2. alarm latency at a fixed background rate: PUBACK of the crossing message → alarm row, → webhook at a local receiver;
//  3. delivery throughput: signed webhook deliveries per second to a local receiver answering 200.
//   npx tsx bench/alerts/run.ts [--devices 50] [--seconds 8] [--pairs 3] [--linger <ms>] [--rate 5000] [--deliveries 3000]
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateWebhookSecret, type AlertRuleSpec } from "@aspen/core";
import { addWebhookSecret, insertAlertRule, withSystem } from "@aspen/db";
import { alarms, alertRules, products, webhookDeliveries, webhookEndpoints } from "@aspen/db/schema";
import { createProducer, createRedis, webhookDeliverJob } from "@aspen/jobs";
import { and, count, eq } from "drizzle-orm";
import { cpuSeconds } from "../lib/cpu";
import { benchEnv } from "../lib/env";
import { deletePrefixes } from "../lib/redis-cleanup";
import { createBenchFleet } from "../lib/fixtures";
import { repoRoot, startAspen } from "../lib/processes";
import { RawClient } from "../lib/raw-mqtt";
import { sleep, summarize, writeResults } from "../lib/stats";
import { closedLoop, openLoop, type Publisher } from "../ingest/load";
import { startWorker } from "./worker";

const { values: a } = parseArgs({
  options: {
    devices: { type: "string" },
    seconds: { type: "string" },
    rate: { type: "string" },
    deliveries: { type: "string" },
    pairs: { type: "string" },
    /** The worker's ALERTS_READ_LINGER_MS (its default when absent). */
    linger: { type: "string" },
  },
});
const devicesN = Number(a.devices ?? 50);
const seconds = Number(a.seconds ?? 8);
const rate = Number(a.rate ?? 5000);
const deliveriesN = Number(a.deliveries ?? 3000);
const pairs = Number(a.pairs ?? 3);
const env = benchEnv();
const run = Date.now().toString(36);
const prefix = `bench-alerts-${run}:`;
const bull = `bench-alerts-${run}`;
const port = 28898;

const fleet = await createBenchFleet(env.DATABASE_URL, devicesN + 1);
const db = fleet.db;
const [product] = await db.select({ id: products.id }).from(products).where(eq(products.tenantId, fleet.tenantId));
const productId = product!.id;
const probe = fleet.devices[devicesN]!;
const results: Record<string, unknown> = {
  config: { devices: devicesN, seconds, rate, deliveries: deliveriesN, pairs, linger: a.linger ?? "default" },
};

// A local receiver: counts deliveries, notes when each alarm webhook arrived.
const arrivals = new Map<number, number>();
let received = 0;
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received++;
    if (req.url === "/alarm") {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { type: string; data: { values?: { temperature?: number } } };
      if (body.type === "alarm.created" && body.data.values?.temperature !== undefined)
        arrivals.set(body.data.values.temperature, Date.now());
    }
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
const hookUrl = (path: string) => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}${path}`;

async function endpoint(url: string, eventTypes: string[]) {
  const secret = generateWebhookSecret();
  return withSystem(db, async (tx) => {
    const [e] = await tx.insert(webhookEndpoints).values({ tenantId: fleet.tenantId, url, eventTypes, secretHint: "bench" }).returning();
    await addWebhookSecret(tx, { tenantId: fleet.tenantId, endpointId: e!.id, secret });
    return e!.id;
  });
}
const spec = (over: Partial<AlertRuleSpec>): AlertRuleSpec => ({
  name: "bench",
  description: "",
  enabled: true,
  severity: "major",
  deviceIds: [],
  labels: {},
  trigger: {
    type: "telemetry",
    combine: "all",
    conditions: [{ kind: "compare", property: "temperature", op: ">", value: 120 }],
    forSeconds: 0,
  },
  actions: { webhookIds: [] },
  ...over,
});

const broker = await startAspen(
  {
    ...env,
    REDIS_PREFIX: prefix,
    MQTT_WS_PORT: "0",
    HTTP_PORT: "29197",
    BROKER_ID: "bench-alerts",
    CLIENT_MSGS_PER_SEC: "1000000",
    CLIENT_BURST: "1000000",
  },
  port,
);
const worker = await startWorker(
  join(repoRoot, "apps/worker/src/index.ts"),
  {
    ...env,
    REDIS_PREFIX: prefix,
    BULLMQ_PREFIX: bull,
    WORKER_HTTP_PORT: "29198",
    WEBHOOK_ALLOW_LOOPBACK: "true",
    ALERTS_CONSUMER: "bench",
    // The rollup job's Postgres bursts (seconds of a core every 15 s at this rate) would land in either phase at
    // random; its cost per million rows is measured by bench/history.
    ROLLUP_EVERY_MS: "0",
    ...(a.linger !== undefined ? { ALERTS_READ_LINGER_MS: a.linger } : {}),
    LOG_LEVEL: "warn",
  },
  29198,
);
const redis = createRedis(env.REDIS_URL);
const waitForLag = async (target: number, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end && (await streamLag()) > target) await sleep(100);
};
const streamLag = async () => {
  const groups = (await redis.xinfo("GROUPS", `${prefix}aspen:stream:ingest`)) as unknown[][];
  const g = groups.find((x) => x[1] === "alerts");
  const at = g ? g.indexOf("lag") : -1;
  return at >= 0 ? Number(g![at + 1]) : Number.NaN;
};

try {
  const clients = await Promise.all(
    fleet.devices
      .slice(0, devicesN)
      .map((d, i) => RawClient.connect(port, { username: d.username, password: d.secret, clientId: `a${i}` })),
  );
  let tsBase = Date.now() - 10 * 86_400_000;
  const pubsAt = (base: number): Publisher[] =>
    clients.map((client, i) => ({
      client,
      topic: "v1/devices/me/telemetry",
      payload: (seq) =>
        Buffer.from(JSON.stringify({ ts: base + i * 10_000_000 + seq, values: { temperature: 20 + (seq % 50) / 10, humidity: 40 } })),
    }));
  await closedLoop(pubsAt(tsBase), 2, 2); // warm-up

  // 1. Ingest without rules and with 100 active rules on the product (none fires: they are evaluated, not raised),
  // alternated `pairs` times (none, rules, none, rules, …) so drift and other load hit both sides alike; the rules
  // are switched by `enabled` and the worker's rule cache (3 s) is waited out between phases.
  const cpu = () => ({ broker: cpuSeconds(broker.child.pid!), worker: cpuSeconds(worker.child.pid!) });
  const rps = (r: { acked: number; seconds: number }) => Math.round(r.acked / r.seconds);
  const us = (a: number, b: number, n: number) => Math.round(((b - a) * 1e6) / n);
  await withSystem(db, async (tx) => {
    for (let i = 0; i < 100; i++) {
      const op = (["between", "outside"] as const)[i % 2]!;
      const trigger: AlertRuleSpec["trigger"] =
        i % 3 === 0
          ? {
              type: "telemetry",
              combine: "all",
              conditions: [{ kind: "compare", property: "temperature", op: ">", value: 100 + (i % 20) }],
              forSeconds: 60,
            }
          : i % 3 === 1
            ? {
                type: "telemetry",
                combine: "any",
                conditions: [
                  { kind: "range", property: "humidity", op, min: op === "between" ? 90 : 0, max: 100 },
                  { kind: "compare", property: "temperature", op: "<", value: -30 },
                ],
                forSeconds: 0,
              }
            : {
                type: "telemetry",
                combine: "all",
                conditions: [{ kind: "change", property: "temperature", delta: 50, windowSeconds: 60 }],
                forSeconds: 0,
              };
      const r = spec({ name: `rule-${i}`, trigger, enabled: false });
      await insertAlertRule(tx, { tenantId: fleet.tenantId, productId, createdBy: null, spec: r });
    }
  });
  const setRules = async (enabled: boolean) => {
    await withSystem(db, (tx) => tx.update(alertRules).set({ enabled }).where(eq(alertRules.tenantId, fleet.tenantId)));
    await sleep(4000); // the worker's rule cache (3 s)
  };
  const phase = async () => {
    tsBase += 1_000_000;
    const c0 = cpu();
    const run = await closedLoop(pubsAt(tsBase), 10, seconds);
    const lagAtEnd = await streamLag();
    const t0 = performance.now();
    await waitForLag(0, 60_000);
    const c1 = cpu();
    return {
      msgsPerSec: rps(run),
      ackMs: summarize(run.latenciesMs),
      streamLagAtEnd: lagAtEnd,
      drainSeconds: Math.round((performance.now() - t0) / 100) / 10,
      streamLagAfter: await streamLag(),
      workerCpuUsPerMsg: us(c0.worker, c1.worker, run.acked),
      brokerCpuUsPerMsg: us(c0.broker, c1.broker, run.acked),
    };
  };
  // Warm-up with the rules too (their plans, shared windows and idle marks start cold in the first phase only).
  await setRules(true);
  tsBase += 1_000_000;
  await closedLoop(pubsAt(tsBase), 10, 2);
  await waitForLag(0, 60_000);
  const runs: { noRules: Awaited<ReturnType<typeof phase>>; rules100: Awaited<ReturnType<typeof phase>>; ratio: number }[] = [];
  for (let i = 0; i < pairs; i++) {
    await setRules(false);
    const noRules = await phase();
    await setRules(true);
    const rules100 = await phase();
    runs.push({ noRules, rules100, ratio: Math.round((rules100.msgsPerSec / noRules.msgsPerSec) * 100) / 100 });
    console.log(`pair ${i + 1}/${pairs}: ${noRules.msgsPerSec} / ${rules100.msgsPerSec} msgs/s, ratio ${runs.at(-1)?.ratio}`);
  }
  const ratios = runs.map((r) => r.ratio).sort((x, y) => x - y);
  const sum = (f: (r: (typeof runs)[number]) => number) => runs.reduce((n, r) => n + f(r), 0);
  results.ingest = {
    pairs: runs,
    /** Median of the pairs' ratios, and the ratio of the summed rates (every phase lasts as long). */
    ratioMedian: ratios[Math.floor((ratios.length - 1) / 2)],
    ratioOfSums: Math.round((sum((r) => r.rules100.msgsPerSec) / sum((r) => r.noRules.msgsPerSec)) * 100) / 100,
    ratioRange: [ratios[0], ratios.at(-1)],
  };
  console.log("ingest", JSON.stringify(results.ingest));
  await db.delete(alertRules).where(eq(alertRules.tenantId, fleet.tenantId));

  // 2. Alarm latency: background load at `rate`, the probe device alternates hot (raise) and cold (clear).
  const alarmHook = await endpoint(hookUrl("/alarm"), ["alarm.created"]);
  await withSystem(db, (tx) =>
    insertAlertRule(tx, {
      tenantId: fleet.tenantId,
      productId,
      createdBy: null,
      spec: spec({
        name: "probe",
        deviceIds: [probe.id],
        trigger: {
          type: "telemetry",
          combine: "all",
          conditions: [{ kind: "compare", property: "temperature", op: ">", value: 100 }],
          forSeconds: 0,
        },
        clear: {
          type: "telemetry",
          combine: "all",
          conditions: [{ kind: "compare", property: "temperature", op: "<", value: 50 }],
          forSeconds: 0,
        },
        actions: { webhookIds: [alarmHook] },
      }),
    }),
  );
  await sleep(4000);
  const probeClient = await RawClient.connect(port, { username: probe.username, password: probe.secret, clientId: "probe" });
  const pubacks = new Map<number, number>();
  tsBase += 1_000_000;
  const background = openLoop(pubsAt(tsBase), rate, seconds);
  let k = 0;
  const probeEnd = Date.now() + seconds * 1000;
  while (Date.now() < probeEnd) {
    const temperature = 100 + ++k / 100;
    await probeClient.publish1("v1/devices/me/telemetry", Buffer.from(JSON.stringify({ ts: Date.now(), values: { temperature } })));
    pubacks.set(temperature, Date.now());
    await sleep(100);
    await probeClient.publish1("v1/devices/me/telemetry", Buffer.from(JSON.stringify({ ts: Date.now(), values: { temperature: 20 } })));
    await sleep(100);
  }
  const bg = await background;
  await sleep(3000);
  const rows = await db.select({ createdAt: alarms.createdAt, values: alarms.values }).from(alarms).where(eq(alarms.deviceId, probe.id));
  const toRow = rows.flatMap((r) => {
    const t = pubacks.get(Number((r.values as { temperature?: number }).temperature));
    return t === undefined ? [] : [r.createdAt.getTime() - t];
  });
  const toHook = [...arrivals].flatMap(([temp, at]) => (pubacks.has(temp) ? [at - pubacks.get(temp)!] : []));
  results.alarmLatency = {
    backgroundMsgsPerSec: Math.round(bg.acked / bg.seconds),
    backgroundAckMs: summarize(bg.latenciesMs),
    crossings: pubacks.size,
    pubackToAlarmRowMs: summarize(toRow),
    pubackToWebhookMs: summarize(toHook),
  };
  console.log("alarm latency", JSON.stringify(results.alarmLatency));
  probeClient.close?.();
  for (const c of clients) c.close?.();

  // 3. Delivery throughput: N deliveries to one endpoint answering 200.
  const bulkHook = await endpoint(hookUrl("/bulk"), ["webhook.test"]);
  const ids = await withSystem(db, async (tx) => {
    const out: string[] = [];
    for (let i = 0; i < deliveriesN; i += 500) {
      const rows = await tx
        .insert(webhookDeliveries)
        .values(
          Array.from({ length: Math.min(500, deliveriesN - i) }, () => ({
            tenantId: fleet.tenantId,
            endpointId: bulkHook,
            eventId: crypto.randomUUID(),
            eventType: "webhook.test",
            body: JSON.stringify({ type: "webhook.test", timestamp: new Date().toISOString(), data: { n: i } }),
          })),
        )
        .returning({ id: webhookDeliveries.id });
      out.push(...rows.map((r) => r.id));
    }
    return out;
  });
  const producer = createProducer(redis, bull);
  const q = producer.queueFor(webhookDeliverJob.queue);
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += 500) {
    await q.addBulk(
      ids.slice(i, i + 500).map((deliveryId) => ({
        name: webhookDeliverJob.name,
        data: { tenantId: fleet.tenantId, deliveryId, replay: 0 },
        opts: { ...webhookDeliverJob.options, jobId: `dlv-${deliveryId}-0` },
      })),
    );
  }
  let delivered = 0;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const [c] = await db
      .select({ n: count() })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, bulkHook), eq(webhookDeliveries.status, "delivered")));
    delivered = c?.n ?? 0;
    if (delivered >= ids.length) break;
    await sleep(100);
  }
  const secs = (performance.now() - t0) / 1000;
  results.deliveries = {
    deliveries: ids.length,
    delivered,
    seconds: Math.round(secs * 100) / 100,
    perSec: Math.round(delivered / secs),
    concurrency: 64,
  };
  console.log("deliveries", JSON.stringify(results.deliveries));
  await producer.close();
  console.log(`written ${writeResults("alerts", results)}`);
} finally {
  await worker.stop();
  await broker.stop();
  receiver.close();
  // Rule state, windows, the stream and BullMQ's queues: a run's keys would otherwise stay in Redis (and in its
  // append-only file, whose rewrites then cost seconds of CPU in later runs).
  await deletePrefixes(redis, [prefix, `${bull}:`]);
  redis.disconnect();
  await fleet.cleanup();
}
process.exit(0);
