// Idle connections: N devices connect and stay idle; resident memory per 1,000 connections and
// connects/s, Aspen vs a bare aedes 1.2, one after the other.
//   npx tsx bench/idle/run.ts [--connections 10000] [--parallel 200]
import { parseArgs } from "node:util";
import { benchEnv } from "../lib/env";
import { createBenchFleet } from "../lib/fixtures";
import { startAspen, startBareAedes, type Proc } from "../lib/processes";
import { RawClient } from "../lib/raw-mqtt";
import { sleep, writeResults } from "../lib/stats";

const { values: a } = parseArgs({
  options: { connections: { type: "string" }, parallel: { type: "string" }, port: { type: "string" }, "idle-seconds": { type: "string" } },
});
const n = Number(a.connections ?? 10000);
const parallel = Number(a.parallel ?? 200);
const port = Number(a.port ?? 28895);
const idleSeconds = Number(a["idle-seconds"] ?? 30);
const env = benchEnv();

async function settleRss(proc: Proc, ms = 3000): Promise<{ gc: number; compacted: number }> {
  await sleep(ms);
  return proc.liveRssMb();
}

async function measure(proc: Proc, creds: { username?: string; password?: string; clientId: string }[]) {
  await sleep(2000);
  const naturalBefore = proc.rssMb();
  const before = await settleRss(proc, 0);
  const clients: RawClient[] = [];
  let failed = 0;
  const t0 = performance.now();
  for (let i = 0; i < creds.length; i += parallel) {
    const batch = await Promise.allSettled(creds.slice(i, i + parallel).map((c) => RawClient.connect(proc.port, { ...c, keepalive: 600 })));
    for (const r of batch) {
      if (r.status === "fulfilled") clients.push(r.value);
      else failed++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  // What the process holds once its connections have idled a while, nothing forced: the steady state
  // of a broker full of quiet devices (V8 tidies the heap by itself when the process goes idle).
  await sleep(idleSeconds * 1000);
  const naturalConnected = proc.rssMb();
  const connected = await settleRss(proc);
  for (const c of clients) c.close();
  const after = await settleRss(proc);
  const alive = proc.child.exitCode === null;
  await proc.stop();
  const per1k = (kind: "gc" | "compacted") => Math.round(((connected[kind] - before[kind]) / (clients.length / 1000)) * 10) / 10;
  return {
    connected: clients.length,
    failed,
    connectsPerSec: Math.round(clients.length / seconds),
    // read from /proc after the connections idled `idleSeconds`, no GC forced
    rssMbIdle: { idle: Math.round(naturalBefore), connected: Math.round(naturalConnected) },
    rssMbPer1kIdle: Math.round(((naturalConnected - naturalBefore) / (clients.length / 1000)) * 10) / 10,
    // then after a full GC (before the idle wait was added, this ran 3 s after the last connect)
    rssMb: { idle: Math.round(before.gc), connected: Math.round(connected.gc), afterDisconnect: Math.round(after.gc) },
    rssMbPer1k: per1k("gc"),
    // after a compacting GC as well: the fragmentation a connect storm leaves is not counted (V8's
    // memory reducer returns it by itself once the process has been idle for some seconds)
    rssMbCompacted: {
      idle: Math.round(before.compacted),
      connected: Math.round(connected.compacted),
      afterDisconnect: Math.round(after.compacted),
    },
    rssMbPer1kCompacted: per1k("compacted"),
    alive,
  };
}

const fleet = await createBenchFleet(env.DATABASE_URL, n);
const results: Record<string, unknown> = { config: { connections: n, parallel, keepaliveSeconds: 600, idleSeconds } };
try {
  const bare = await measure(
    await startBareAedes(port, { noDelay: true }),
    Array.from({ length: n }, (_, i) => ({ clientId: `idle-${i}` })),
  );
  results.bareAedes = bare;
  console.log("bare aedes", JSON.stringify(bare));
  const aspen = await measure(
    await startAspen(
      {
        ...env,
        REDIS_PREFIX: `bench-idle-${Date.now()}:`,
        MQTT_WS_PORT: "0",
        HTTP_PORT: "29192",
        BROKER_ID: "bench-idle",
        ...(process.env.BENCH_BROKER_ENV ? JSON.parse(process.env.BENCH_BROKER_ENV) : {}),
      },
      port,
    ),
    fleet.devices.map((d, i) => ({ username: d.username, password: d.secret, clientId: `idle-${i}` })),
  );
  results.aspen = aspen;
  console.log("aspen", JSON.stringify(aspen));
  console.log(`written to ${writeResults("idle", results)}`);
} finally {
  await fleet.cleanup();
}
process.exit(0);
