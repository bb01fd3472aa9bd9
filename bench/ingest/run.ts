// Durable ingest, side by side: Aspen's broker (QoS 1 through auth, validation, batched Postgres
// write, counters, PUBACK after commit) vs a bare aedes relaying the same QoS 1 load vs a raw COPY.
//   npx tsx bench/ingest/run.ts [--devices 50] [--window 10] [--seconds 10] [--rate 5000] [--aspen-only]
import { parseArgs } from "node:util";
import { benchEnv } from "../lib/env";
import { createBenchFleet } from "../lib/fixtures";
import { startAspen, startBareAedes } from "../lib/processes";
import { cpuMeter, cpuSeconds } from "../lib/cpu";
import { batchStats, scrape } from "../lib/metrics";
import { RawClient } from "../lib/raw-mqtt";
import { sleep, summarize, writeResults } from "../lib/stats";
import { copyRows, countTelemetryRows } from "./copy";
import { closedLoop, openLoop, type Publisher } from "./load";

const { values: a } = parseArgs({
  options: {
    devices: { type: "string" },
    window: { type: "string" },
    seconds: { type: "string" },
    rate: { type: "string" },
    port: { type: "string" },
    "aspen-only": { type: "boolean" },
  },
});
const devicesN = Number(a.devices ?? 50);
const window = Number(a.window ?? 10);
const seconds = Number(a.seconds ?? 10);
const rate = Number(a.rate ?? 5000);
const port = Number(a.port ?? 28890);
const env = benchEnv();

const fleet = await createBenchFleet(env.DATABASE_URL, devicesN + 20);
const base = Date.now() - 20 * 86_400_000;
const payloadFor = (deviceIndex: number) => (seq: number) =>
  Buffer.from(
    JSON.stringify({ ts: base + deviceIndex * 10_000_000 + seq, values: { temperature: 20 + (seq % 50) / 10, humidity: 40 + (seq % 20) } }),
  );
/** A message carrying `points` timestamps of both keys (a device uploading buffered readings). */
const batchPayloadFor = (deviceIndex: number, points: number) => (seq: number) =>
  Buffer.from(
    JSON.stringify(
      Array.from({ length: points }, (_, k) => ({
        ts: base + 5 * 86_400_000 + deviceIndex * 10_000_000 + seq * points + k,
        values: { temperature: 20 + (k % 50) / 10, humidity: 40 + (k % 20) },
      })),
    ),
  );
const results: Record<string, unknown> = {
  config: { devices: devicesN, window, seconds, rate, payloadBytes: payloadFor(0)(0).length, rowsPerMessage: 2 },
};

try {
  // 1. Aspen: closed loop (max throughput), then open loop at a fixed rate (latency).
  const aspen = await startAspen(
    {
      ...env,
      REDIS_PREFIX: `bench-${Date.now()}:`,
      MQTT_WS_PORT: "0",
      HTTP_PORT: "29190",
      BROKER_ID: "bench-aspen",
      CLIENT_MSGS_PER_SEC: "1000000",
      CLIENT_BURST: "1000000",
      ...(process.env.BENCH_BROKER_ENV ? JSON.parse(process.env.BENCH_BROKER_ENV) : {}),
    },
    port,
  );
  const devs = fleet.devices.slice(0, devicesN);
  const clients = await Promise.all(
    devs.map((d, i) => RawClient.connect(port, { username: d.username, password: d.secret, clientId: `b${i}` })),
  );
  const pubs: Publisher[] = clients.map((client, i) => ({ client, topic: "v1/devices/me/telemetry", payload: payloadFor(i) }));
  await closedLoop(pubs, 2, 2); // warm-up (JIT, caches, pools)
  const cpu = cpuMeter(env.DATABASE_URL, aspen.child.pid!, "aspen-broker bench-aspen");
  const m0 = await scrape(29190);
  const c0 = await cpu.sample();
  const closed = await closedLoop(pubs, window, seconds);
  const m1 = await scrape(29190);
  const c1 = await cpu.sample();
  const aspenRss = aspen.rssMb();
  // fixed rate, fresh timestamps so nothing is skipped as a duplicate
  const pubs2: Publisher[] = clients.map((client, i) => ({
    client,
    topic: "v1/devices/me/telemetry",
    payload: (seq) => payloadFor(i)(seq + 5_000_000),
  }));
  const open = await openLoop(pubs2, rate, seconds);
  const m2 = await scrape(29190);
  const c2 = await cpu.sample();
  // rows-heavy: 10 points × 2 keys per message, so that the database path, not MQTT, is the limit
  const pubs3: Publisher[] = clients.map((client, i) => ({ client, topic: "v1/devices/me/telemetry", payload: batchPayloadFor(i, 10) }));
  const heavy = await closedLoop(pubs3, Math.max(1, Math.floor(window / 2)), seconds);
  const m3 = await scrape(29190);
  const c3 = await cpu.sample();
  await cpu.close();
  /** CPU microseconds per message in the broker process and per row in its Postgres backends. */
  const cpuCost = (a: typeof c0, b: typeof c0, messages: number, rows: number) => {
    const used = cpu.between(a, b);
    return { brokerUsPerMsg: Math.round((used.process * 1e6) / messages), postgresUsPerRow: Math.round((used.postgres * 1e7) / rows) / 10 };
  };
  for (const c of clients) c.close();
  await sleep(1500);
  const rowsStored = await countTelemetryRows(env.DATABASE_URL, fleet.tenantId);
  await aspen.stop();
  results.aspen = {
    closedLoop: {
      msgsPerSec: Math.round(closed.acked / closed.seconds),
      rowsPerSec: Math.round((2 * closed.acked) / closed.seconds),
      ackLatencyMs: summarize(closed.latenciesMs),
      batches: batchStats(m0, m1),
      cpu: cpuCost(c0, c1, closed.acked, 2 * closed.acked),
    },
    openLoop: {
      targetMsgsPerSec: rate,
      achievedMsgsPerSec: Math.round(open.acked / open.seconds),
      offered: open.offered,
      acked: open.acked,
      ackLatencyMs: summarize(open.latenciesMs),
      batches: batchStats(m1, m2),
      cpu: cpuCost(c1, c2, open.acked, 2 * open.acked),
    },
    rowsHeavy: {
      rowsPerMessage: 20,
      msgsPerSec: Math.round(heavy.acked / heavy.seconds),
      rowsPerSec: Math.round((20 * heavy.acked) / heavy.seconds),
      ackLatencyMs: summarize(heavy.latenciesMs),
      batches: batchStats(m2, m3),
      cpu: cpuCost(c2, c3, heavy.acked, 20 * heavy.acked),
    },
    rowsStored,
    rssMb: Math.round(aspenRss),
  };
  console.log("aspen", JSON.stringify(results.aspen));
  // For tuning runs: Aspen alone, nothing recorded (figures are only comparable within one full run).
  if (a["aspen-only"]) {
    await fleet.cleanup();
    process.exit(0);
  }

  // 2. Bare aedes: the same publishers' load, relayed to one QoS 1 subscriber; and with nobody subscribed.
  for (const variant of ["relay", "noSubscriber"] as const) {
    const bare = await startBareAedes(port + 1, { noDelay: true });
    let relayed = 0;
    if (variant === "relay") {
      const sub = await RawClient.connect(port + 1, { clientId: "sub" });
      sub.onMessage = () => relayed++;
      sub.subscribe("bench/#", 1);
      await sleep(200);
    }
    const bclients = await Promise.all(devs.map((_, i) => RawClient.connect(port + 1, { clientId: `p${i}` })));
    const bpubs: Publisher[] = bclients.map((client, i) => ({ client, topic: `bench/${i}`, payload: payloadFor(i) }));
    await closedLoop(bpubs, 2, 2);
    const b0 = cpuSeconds(bare.child.pid!);
    const bclosed = await closedLoop(bpubs, window, seconds);
    const b1 = cpuSeconds(bare.child.pid!);
    const bopen = await openLoop(bpubs, rate, seconds);
    const b2 = cpuSeconds(bare.child.pid!);
    for (const c of bclients) c.close();
    const crashed = bare.child.exitCode !== null;
    await bare.stop();
    results[`bareAedes_${variant}`] = {
      closedLoop: {
        msgsPerSec: Math.round(bclosed.acked / bclosed.seconds),
        ackLatencyMs: summarize(bclosed.latenciesMs),
        cpu: { brokerUsPerMsg: Math.round(((b1 - b0) * 1e6) / bclosed.acked) },
      },
      openLoop: {
        targetMsgsPerSec: rate,
        achievedMsgsPerSec: Math.round(bopen.acked / bopen.seconds),
        ackLatencyMs: summarize(bopen.latenciesMs),
        cpu: { brokerUsPerMsg: Math.round(((b2 - b1) * 1e6) / bopen.acked) },
      },
      ...(variant === "relay" ? { relayedToSubscriber: relayed } : {}),
      crashed,
    };
    console.log(`bare aedes (${variant})`, JSON.stringify(results[`bareAedes_${variant}`]));
  }

  // 3. Raw COPY of as many rows as Aspen wrote in its closed loop, into the same table.
  const copyN = 200_000;
  const copy = await copyRows(
    env.DATABASE_URL,
    fleet.tenantId,
    fleet.devices.slice(devicesN).map((d) => d.id),
    copyN,
    base + 3_000_000_000,
  );
  results.rawCopy = {
    rows: copy.rows,
    rowsPerSec: Math.round(copy.rows / copy.seconds),
    cpu: { postgresUsPerRow: Math.round(((copy.postgresCpuSeconds * 1e6) / copy.rows) * 10) / 10 },
  };
  console.log("raw COPY", JSON.stringify(results.rawCopy));

  const aspenRes = results.aspen as {
    closedLoop: { msgsPerSec: number; rowsPerSec: number };
    openLoop: { ackLatencyMs: { p99: number } };
    rowsHeavy: { rowsPerSec: number };
  };
  const relay = results.bareAedes_relay as { closedLoop: { msgsPerSec: number } };
  results.ratios = {
    aspenVsBareAedesRelayQos1: Math.round((aspenRes.closedLoop.msgsPerSec / relay.closedLoop.msgsPerSec) * 100) / 100,
    aspenRowsVsRawCopy: Math.round((aspenRes.closedLoop.rowsPerSec / (results.rawCopy as { rowsPerSec: number }).rowsPerSec) * 100) / 100,
    aspenRowsHeavyVsRawCopy:
      Math.round((aspenRes.rowsHeavy.rowsPerSec / (results.rawCopy as { rowsPerSec: number }).rowsPerSec) * 100) / 100,
    aspenP99AtRateMs: aspenRes.openLoop.ackLatencyMs.p99,
    targets: { vsBareAedes: ">= 0.5", vsRawCopy: ">= 0.6", p99At5k: "< 50 ms" },
  };
  console.log("ratios", JSON.stringify(results.ratios));
  console.log(`written to ${writeResults("ingest", results)}`);
} finally {
  await fleet.cleanup();
}
process.exit(0);
