// Long variants of the fault tests (apps/broker/src/faults-*.int.test.ts): a fleet of simulated devices
// publishes QoS 1 telemetry through Aspen's broker while its own PostgreSQL is stopped for --outage-seconds
// (default 30) and started again, then while its own Redis is killed for --redis-seconds and started again.
// Prints and writes results/faults-latest.json: what was acknowledged, during and after each fault, how
// much the broker buffered, how long it took to resume, and that every acknowledged message is stored.
//   npx tsx bench/faults/run.ts [--devices 100] [--greedy 4] [--rate 20] [--outage-seconds 30] [--redis-seconds 10] [--only postgres|redis]
// Starts its own PostgreSQL and Redis (never the shared ones): needs Debian's postgresql and redis-server.
import { parseArgs } from "node:util";
import { acksBetween, startQos1Fleet, type Qos1Fleet } from "../../apps/broker/src/test/qos1-fleet";
import { freePort } from "../../apps/broker/src/test/ports";
import { startScratchPostgres, startScratchRedis } from "../../apps/broker/src/test/scratch-services";
import { createBenchFleet } from "../lib/fixtures";
import { scrape } from "../lib/metrics";
import { startAspen, type Proc } from "../lib/processes";
import { sleep, writeResults } from "../lib/stats";

const { values: args } = parseArgs({
  options: {
    devices: { type: "string", default: "100" },
    greedy: { type: "string", default: "4" },
    rate: { type: "string", default: "20" },
    "outage-seconds": { type: "string", default: "30" },
    "redis-seconds": { type: "string", default: "10" },
    only: { type: "string" },
  },
});
const devices = Number(args.devices);
const greedyCount = Number(args.greedy);
const rate = Number(args.rate);
const outageMs = Number(args["outage-seconds"]) * 1000;
const redisMs = Number(args["redis-seconds"]) * 1000;
const highWater = 2000;

const pg = await startScratchPostgres();
const redis = await startScratchRedis();
const fleet = await createBenchFleet(pg.urls.DATABASE_URL, devices + greedyCount, pg.urls.MIGRATE_DATABASE_URL);
const httpPort = await freePort();
let broker: Proc | undefined;
const results: Record<string, unknown> = { devices, greedy: greedyCount, ratePerDevice: rate, highWaterRows: highWater };

function total(fleets: Qos1Fleet[], f: (q: Qos1Fleet) => number) {
  return fleets.reduce((n, q) => n + f(q), 0);
}

/** Runs the fleet, applies `fault` after a warm-up, measures, stops, checks every acknowledged message. */
async function scenario(name: string, fault: { down(): Promise<void>; up(): Promise<void>; ms: number }) {
  if (!broker) throw new Error("no broker");
  const url = `mqtt://127.0.0.1:${broker.port}`;
  const polite = startQos1Fleet({ url, devices: fleet.devices.slice(0, devices), ratePerDevice: rate, window: 10 });
  const greedy = startQos1Fleet({ url, devices: fleet.devices.slice(devices), ratePerDevice: 400, window: 1000 });
  const fleets = [polite, greedy];
  await sleep(5000);
  const rssBefore = broker.rssMb();
  await fault.down();
  const down = Date.now();
  let maxPending = 0;
  let maxRss = 0;
  while (Date.now() - down < fault.ms) {
    const m: Record<string, number> = await scrape(httpPort).catch(() => ({}));
    maxPending = Math.max(maxPending, m.aspen_broker_pending_rows ?? 0);
    maxRss = Math.max(maxRss, broker.rssMb());
    await sleep(500);
  }
  // The service accepts connections before its start command returns: the outage ends when the start begins.
  const up = Date.now();
  await fault.up();
  let resumedMs: number | null = null;
  for (const end = Date.now() + 60_000; Date.now() < end; await sleep(100)) {
    const first = Math.min(...fleets.map((f) => f.ackTimes.find((t) => t > up) ?? Infinity));
    if (Number.isFinite(first)) {
      resumedMs = first - up;
      break;
    }
  }
  await sleep(10_000);
  await Promise.all(fleets.map((f) => f.stop()));
  await sleep(1000);
  let missing = 0;
  for (const f of fleets) for (const m of (await f.missing(fleet.db)).values()) missing += m.length;
  const r = {
    faultMs: fault.ms,
    acknowledged: total(fleets, (f) => f.ackedTotal()),
    sent: total(fleets, (f) => f.sent()),
    acknowledgedWhileDown: total(fleets, (f) => acksBetween(f, down + 1000, up)),
    acknowledgedAfter: total(fleets, (f) => acksBetween(f, up, Date.now())),
    missing,
    maxPendingRows: maxPending,
    brokerRssMb: { before: Math.round(rssBefore), maxDuringFault: Math.round(maxRss) },
    resumedMsAfterStart: resumedMs,
    connectionsClosed: { polite: polite.closes(), greedy: greedy.closes() },
    connectsRefused: total(fleets, (f) => f.refusals()),
    brokerAlive: broker.child.exitCode === null,
  };
  results[name] = r;
  console.log(`${name}: ${JSON.stringify(r)}`);
  return r;
}

try {
  broker = await startAspen(
    {
      DATABASE_URL: pg.urls.DATABASE_URL,
      REDIS_URL: redis.url,
      HTTP_PORT: String(httpPort),
      MQTT_WS_PORT: "0",
      BROKER_ID: "bench-faults",
      BATCH_HIGH_WATER_ROWS: String(highWater),
    },
    await freePort(),
  );
  let failed = false;
  if (args.only !== "redis") {
    const r = await scenario("postgres", { down: () => pg.stop("fast"), up: () => pg.start(), ms: outageMs });
    failed ||= r.missing > 0 || r.acknowledgedWhileDown > 0 || r.resumedMsAfterStart === null || !r.brokerAlive;
  }
  if (args.only !== "postgres") {
    const r = await scenario("redis", { down: () => redis.stop("kill"), up: () => redis.start(), ms: redisMs });
    failed ||= r.missing > 0 || r.resumedMsAfterStart === null || !r.brokerAlive;
  }
  console.log(`wrote ${writeResults("faults", results)}`);
  if (failed) {
    console.error("FAILED: an acknowledged message is missing, was acknowledged while PostgreSQL was down, or the broker did not resume");
    process.exitCode = 1;
  }
} finally {
  await broker?.stop();
  await fleet.cleanup().catch(() => {});
  await redis.destroy();
  await pg.destroy();
}
