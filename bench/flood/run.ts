// Flood: 50 publishers send QoS 0 as fast as they can for a bounded time, while one well-behaved
// device publishes QoS 1 every 100 ms. Bare aedes 1.2 vs Aspen, one after the other.
//   npx tsx bench/flood/run.ts [--publishers 50] [--seconds 15]
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchEnv } from "../lib/env";
import { createBenchFleet } from "../lib/fixtures";
import { startAspen, startBareAedes, type Proc } from "../lib/processes";
import { RawClient } from "../lib/raw-mqtt";
import { sleep, summarize, writeResults } from "../lib/stats";

const { values: a } = parseArgs({
  options: { publishers: { type: "string" }, seconds: { type: "string" }, port: { type: "string" }, client: { type: "string" } },
});
/** raw: sockets that respect TCP back-pressure; mqttjs: mqtt.js clients publishing in a tight loop. */
const clientKind = a.client === "mqttjs" ? "mqttjs" : "raw";
const publishers = Number(a.publishers ?? 50);
const seconds = Number(a.seconds ?? 15);
const port = Number(a.port ?? 28892);
const env = benchEnv();
const here = dirname(fileURLToPath(import.meta.url));

interface Target {
  name: string;
  /** A QoS 0 subscriber to this filter (bare aedes relays the flood to it). */
  subscribe?: string;
  start(): Promise<Proc>;
  floodCreds: { username?: string; password?: string; clientId: string }[];
  good: { username?: string; password?: string; clientId: string };
  floodTopic: string;
  goodTopic: string;
}

async function runOne(t: Target) {
  const proc = await t.start();
  let relayed = 0;
  const sub = t.subscribe ? await RawClient.connect(port, { clientId: "relay-sub" }) : null;
  if (sub && t.subscribe) {
    sub.onMessage = () => relayed++;
    sub.subscribe(t.subscribe, 0);
    await sleep(200);
  }
  const good = await RawClient.connect(port, t.good);
  const goodPayload = (i: number) => Buffer.from(JSON.stringify({ ts: Date.now(), values: { temperature: 20 + (i % 10) / 10 } }));
  let peakRss = proc.rssMb();
  const baseRss = peakRss;
  const flooderFile = clientKind === "mqttjs" ? "flooder-mqttjs.ts" : "flooder.ts";
  const flooder = spawn(
    process.execPath,
    ["--import", "tsx", join(here, flooderFile), String(port), JSON.stringify(t.floodCreds), t.floodTopic, String(seconds * 1000)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  flooder.stdout.on("data", (d: Buffer) => (out += d));
  const flooderDone = new Promise((r) => flooder.once("exit", r));
  const latencies: number[] = [];
  let timeouts = 0;
  const end = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < end; i++) {
    peakRss = Math.max(peakRss, proc.rssMb());
    if (good.closed || proc.child.exitCode !== null) break;
    const t0 = performance.now();
    const acked = await Promise.race([good.publish1(t.goodTopic, goodPayload(i)).then(() => true), sleep(5000).then(() => false)]);
    if (acked) latencies.push(performance.now() - t0);
    else timeouts++;
    await sleep(100);
  }
  await flooderDone;
  await sleep(500);
  const alive = proc.child.exitCode === null && proc.child.signalCode === null;
  const output = proc.output();
  const crash = /RangeError[^\n]*/.exec(output)?.[0] ?? (alive ? null : output.split("\n").filter(Boolean).slice(-3).join(" | "));
  good.close();
  sub?.close();
  await proc.stop();
  const flood = JSON.parse(out || "{}") as { sent?: number; disconnected?: number };
  return {
    alive,
    crash,
    floodMessagesWritten: flood.sent ?? null,
    floodClientsDisconnected: flood.disconnected ?? null,
    ...(t.subscribe ? { relayedToSubscriber: relayed } : {}),
    goodDevice: { published: latencies.length + timeouts, acked: latencies.length, timeouts, ackLatencyMs: summarize(latencies) },
    rssMb: { before: Math.round(baseRss), peak: Math.round(peakRss) },
  };
}

const fleet = await createBenchFleet(env.DATABASE_URL, publishers + 1);
const results: Record<string, unknown> = {
  config: { publishers, seconds, qos: 0, client: clientKind, bareAedesSubscriber: "flood/# QoS 0" },
};
try {
  const bare = await runOne({
    name: "bare aedes",
    start: () => startBareAedes(port, { noDelay: true }),
    subscribe: "flood/#",
    floodCreds: Array.from({ length: publishers }, (_, i) => ({ clientId: `flood-${i}` })),
    good: { clientId: "good" },
    floodTopic: "flood/telemetry",
    goodTopic: "good/telemetry",
  });
  results.bareAedes = bare;
  console.log("bare aedes", JSON.stringify(bare));
  const aspen = await runOne({
    name: "aspen",
    start: () =>
      startAspen(
        { ...env, REDIS_PREFIX: `bench-flood-${Date.now()}:`, MQTT_WS_PORT: "0", HTTP_PORT: "29191", BROKER_ID: "bench-flood" },
        port,
      ),
    floodCreds: fleet.devices.slice(1).map((d, i) => ({ username: d.username, password: d.secret, clientId: `f${i}` })),
    good: { username: fleet.devices[0]!.username, password: fleet.devices[0]!.secret, clientId: "good" },
    floodTopic: "v1/devices/me/telemetry",
    goodTopic: "v1/devices/me/telemetry",
  });
  results.aspen = aspen;
  console.log("aspen", JSON.stringify(aspen));
  console.log(`written to ${writeResults(`flood-${clientKind}`, results)}`);
} finally {
  await fleet.cleanup();
}
process.exit(0);
