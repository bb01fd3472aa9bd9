// Before / after, side by side in one run: the same durable-ingest load (closed loop, fixed rate,
// rows-heavy) against Aspen's broker from another checkout (`--base`, e.g. main in a scratch
// worktree) and from this one, alternating in ABBA order so that both see the same machine. Prints and writes `results/ingest-compare-*.json` with the ratios this / base.
//   npx tsx bench/ingest/compare.ts --base /tmp/broker-base [--this <checkout, default this one>] [--rounds 2] [--devices 50] [--window 10] [--seconds 6] [--rate 5000]
import { parseArgs } from "node:util";
import { cpuMeter } from "../lib/cpu";
import { benchEnv } from "../lib/env";
import { createBenchFleet } from "../lib/fixtures";
import { repoRoot, startAspen } from "../lib/processes";
import { RawClient } from "../lib/raw-mqtt";
import { sleep, summarize, writeResults } from "../lib/stats";
import { countTelemetryRows } from "./copy";
import { closedLoop, openLoop, type Publisher } from "./load";

const { values: a } = parseArgs({
  options: {
    base: { type: "string" },
    this: { type: "string" },
    rounds: { type: "string" },
    devices: { type: "string" },
    window: { type: "string" },
    seconds: { type: "string" },
    rate: { type: "string" },
    port: { type: "string" },
  },
});
if (!a.base) {
  console.error("compare: --base <checkout of the code to compare with> is required");
  process.exit(2);
}
const rounds = Math.min(5, Number(a.rounds ?? 2));
// (10 runs at most fit the timestamp ranges below)
const devicesN = Number(a.devices ?? 50);
const window = Number(a.window ?? 10);
const seconds = Math.min(20, Number(a.seconds ?? 6));
const rate = Number(a.rate ?? 5000);
const port = Number(a.port ?? 28893);
const env = benchEnv();
const base = Date.now() - 20 * 86_400_000;

type Figures = {
  closedMsgsPerSec: number;
  closedP99: number;
  brokerUsPerMsg: number;
  rateP50: number;
  rateP99: number;
  heavyRowsPerSec: number;
  heavyP99: number;
  heavyBrokerUsPerMsg: number;
};

async function measure(root: string, run: number): Promise<Figures> {
  const fleet = await createBenchFleet(env.DATABASE_URL, devicesN);
  try {
    const broker = await startAspen(
      {
        ...env,
        REDIS_PREFIX: `bench-cmp-${Date.now()}:`,
        MQTT_WS_PORT: "0",
        HTTP_PORT: String(29193),
        BROKER_ID: "bench-aspen",
        CLIENT_MSGS_PER_SEC: "1000000",
        CLIENT_BURST: "1000000",
      },
      port,
      root,
    );
    const clients = await Promise.all(
      fleet.devices.map((d, i) => RawClient.connect(port, { username: d.username, password: d.secret, clientId: `c${i}` })),
    );
    // Timestamps unique per run, device and message, so nothing is skipped as a duplicate.
    // (run < 12: 1.2 days per run from 20 days back; 2e6 ms per device and run)
    const at = (i: number, seq: number) => base + run * 100_000_000 + i * 2_000_000 + seq;
    const two = (i: number) => (seq: number) =>
      Buffer.from(JSON.stringify({ ts: at(i, seq), values: { temperature: 20 + (seq % 50) / 10, humidity: 40 + (seq % 20) } }));
    const pubs: Publisher[] = clients.map((client, i) => ({ client, topic: "v1/devices/me/telemetry", payload: two(i) }));
    await closedLoop(pubs, 2, 2);
    const cpu = cpuMeter(env.DATABASE_URL, broker.child.pid!, "aspen-broker bench-aspen");
    const c0 = await cpu.sample();
    const closed = await closedLoop(
      clients.map((client, i) => ({ client, topic: "v1/devices/me/telemetry", payload: (s) => two(i)(s + 100_000) })),
      window,
      seconds,
    );
    const c1 = await cpu.sample();
    const open = await openLoop(
      clients.map((client, i) => ({ client, topic: "v1/devices/me/telemetry", payload: (s) => two(i)(s + 300_000) })),
      rate,
      seconds,
    );
    const c2 = await cpu.sample();
    const heavy = await closedLoop(
      clients.map((client, i) => ({
        client,
        topic: "v1/devices/me/telemetry",
        payload: (s) =>
          Buffer.from(
            JSON.stringify(
              Array.from({ length: 10 }, (_, k) => ({ ts: at(i, 500_000 + s * 10 + k), values: { temperature: 21, humidity: 41 } })),
            ),
          ),
      })),
      Math.max(1, Math.floor(window / 2)),
      seconds,
    );
    const c3 = await cpu.sample();
    await cpu.close();
    for (const c of clients) c.close();
    await sleep(500);
    await broker.stop();
    // Every acknowledged value must be stored, or the figures measured refusals.
    const stored = await countTelemetryRows(env.DATABASE_URL, fleet.tenantId);
    const expected = 2 * (closed.acked + open.acked) + 20 * heavy.acked;
    if (stored < expected) throw new Error(`${root}: ${stored} rows stored for ${expected} values acknowledged`);
    const used = cpu.between(c0, c1);
    const usedHeavy = cpu.between(c2, c3);
    return {
      closedMsgsPerSec: Math.round(closed.acked / closed.seconds),
      closedP99: summarize(closed.latenciesMs).p99,
      brokerUsPerMsg: Math.round((used.process * 1e6) / closed.acked),
      rateP50: summarize(open.latenciesMs).p50,
      rateP99: summarize(open.latenciesMs).p99,
      heavyRowsPerSec: Math.round((20 * heavy.acked) / heavy.seconds),
      heavyP99: summarize(heavy.latenciesMs).p99,
      heavyBrokerUsPerMsg: Math.round((usedHeavy.process * 1e6) / heavy.acked),
    };
  } finally {
    await fleet.cleanup();
  }
}

const runs: { variant: "base" | "this"; figures: Figures }[] = [];
let run = 0;
// ABBA order (base, this, this, base, …): a load that rises or falls during the run favours neither.
for (let r = 0; r < rounds; r++) {
  for (const variant of r % 2 === 0 ? (["base", "this"] as const) : (["this", "base"] as const)) {
    const figures = await measure(variant === "base" ? a.base : (a.this ?? repoRoot), ++run);
    runs.push({ variant, figures });
    console.log(variant, JSON.stringify(figures));
  }
}
const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const of = (variant: "base" | "this", k: keyof Figures) => median(runs.filter((x) => x.variant === variant).map((x) => x.figures[k]));
const keys = Object.keys(runs[0]!.figures) as (keyof Figures)[];
const ratios = Object.fromEntries(keys.map((k) => [k, Math.round((of("this", k) / of("base", k)) * 100) / 100]));
const results = {
  config: { base: a.base, this: a.this ?? repoRoot, rounds, devices: devicesN, window, seconds, rate },
  runs,
  medians: { base: Object.fromEntries(keys.map((k) => [k, of("base", k)])), this: Object.fromEntries(keys.map((k) => [k, of("this", k)])) },
  ratiosThisOverBase: ratios,
};
console.log("ratios this/base (medians)", JSON.stringify(ratios));
console.log(`written to ${writeResults("ingest-compare", results)}`);
process.exit(0);
