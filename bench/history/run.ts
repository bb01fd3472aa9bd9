import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDb, executePrepared, withSystem, withTenant } from "@aspen/db";
import { historyAggregatesSql, historyBucketsMany, rollupWatermark, runRollup, setTenantRetention } from "@aspen/db/history";
import { createTestTenant, createTestUser, randomSuffix } from "@aspen/db/testing";
import { publicId } from "@aspen/core";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { benchEnv } from "../lib/env";
import { insertBenchApiKey } from "../lib/fixtures";
import { benchOwnerUrl, maintainTables } from "../lib/maintenance";
import { percentile, sleep, writeResults } from "../lib/stats";
import { startBuiltWeb } from "../lib/processes";

/**
 * History at scale: seeds N telemetry rows (default 10 M) for one tenant over 30 days, lets the rollup
 * drain the dirty minutes (timed: cost per million rows), starts the built web app and times, side by
 * side in one run: a 30-day aggregated chart (1 device × 1 key) through the API (tRPC over HTTP, signed
 * in) against the best hand-written SQL over the same 1 h rollup, and a 90-day query over 20 keys.
 * EXPLAIN (ANALYZE, BUFFERS) plans go to results/history-explain-latest.txt.
 */
const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "10000000" },
    devices: { type: "string", default: "10" },
    keys: { type: "string", default: "10" },
    days: { type: "string", default: "30" },
    calls: { type: "string", default: "50" },
    port: { type: "string", default: "28990" },
    keep: { type: "boolean", default: false },
    /** Results file name (results/<label>-latest.json). */
    label: { type: "string", default: "history" },
    /** The slug of a tenant a previous `--keep` run left: skip seeding and the rollup, time the queries again. */
    reuse: { type: "string" },
  },
});
const rows = Number(args.rows);
const nDevices = Number(args.devices);
const nKeys = Number(args.keys);
const days = Number(args.days);
const calls = Number(args.calls);
const port = Number(args.port);
const env = benchEnv();
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1)! };
};

const db = createDb(env.DATABASE_URL, { system: true, max: 4, applicationName: "aspen-bench-history" });
const raw = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {}, connection: { "app.bypass_rls": "on" } });

// 1. A tenant with a product of `nKeys` float properties and `nDevices` devices; retention a year.
const password = "bench-history-pass-1";
const keys = Array.from({ length: nKeys }, (_, i) => `k${i}`);
let tenant: { id: string; slug: string };
let ownerEmail: string;
let deviceIds: string[];
let seedFigures: Record<string, unknown> | null = null;
let rollupFigures: Record<string, unknown> | null = null;
let seeded: number;
if (args.reuse) {
  const [t] = await raw<{ id: string; slug: string; email: string }[]>`
    select t.id, t.slug, u.email from tenants t join memberships m on m.tenant_id = t.id and m.role = 'owner' join users u on u.id = m.user_id
    where t.slug = ${args.reuse}`;
  if (!t) throw new Error(`no tenant ${args.reuse}`);
  tenant = t;
  ownerEmail = t.email;
  deviceIds = (await raw<{ id: string }[]>`select id from devices where tenant_id = ${t.id} order by name`).map((d) => d.id);
  seeded = Number((await raw<{ n: string }[]>`select count(*) as n from telemetry where tenant_id = ${t.id}`)[0]!.n);
  console.log(`reusing ${t.slug}: ${seeded.toLocaleString()} rows`);
} else {
  const owner = await createTestUser(db, { password });
  tenant = await createTestTenant(db, { ownerId: owner.id, slug: `bench-h-${randomSuffix()}` });
  ownerEmail = owner.email;
  await withSystem(db, (tx) => setTenantRetention(tx, tenant.id, 365));
  const productId = randomUUID();
  deviceIds = Array.from({ length: nDevices }, () => randomUUID());
  await withSystem(db, async (tx) => {
    const thingModel = {
      properties: keys.map((k) => ({ identifier: k, name: k.toUpperCase(), type: "float", unit: "u", access: "r" })),
      events: [],
      commands: [],
    };
    await tx.execute(
      sql`insert into products (id, tenant_id, name, thing_model, product_key) values (${productId}, ${tenant.id}, 'bench', ${JSON.stringify(thingModel)}::jsonb, ${`pk${randomSuffix()}`})`,
    );
    for (const [i, id] of deviceIds.entries()) {
      await tx.execute(
        sql`insert into devices (id, tenant_id, product_id, name, secret_hash, secret_hint) values (${id}, ${tenant.id}, ${productId}, ${`dev-${i}`}, ${randomUUID()}, 'x')`,
      );
    }
  });

  // 2. Seed: one statement per device and day (through the trigger, like ingest); the series end now.
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  const start = end - days * 86_400_000;
  const perSeries = Math.floor(rows / (nDevices * nKeys));
  const stepMs = (days * 86_400_000) / perSeries;
  console.log(
    `seeding ${(perSeries * nDevices * nKeys).toLocaleString()} rows (${nDevices} devices × ${nKeys} keys, one every ${(stepMs / 1000).toFixed(1)} s)…`,
  );
  await db.execute(
    sql`select aspen_ensure_telemetry_partitions(${new Date(start).toISOString()}::timestamptz, ${Math.ceil(days / 28) + 2}::int)`,
  );
  const seed0 = performance.now();
  const perDay = Math.ceil(perSeries / days);
  for (let d = 0; d < days; d++) {
    const from = d * perDay;
    const to = Math.min(perSeries, from + perDay);
    if (from >= to) break;
    for (const dev of deviceIds) {
      await raw`insert into telemetry (tenant_id, device_id, key, ts, value_num)
        select ${tenant.id}::uuid, ${dev}::uuid, k, ${new Date(start).toISOString()}::timestamptz + (g * ${stepMs}::float8) * interval '1 millisecond',
          20 + 5 * sin(g / 500.0) + (hashint4(g) % 100) / 100.0
        from unnest(${keys}::text[]) k, generate_series(${from}::int, ${to - 1}::int) g`;
    }
    process.stdout.write(`\r  day ${d + 1}/${days}`);
  }
  const seedSeconds = (performance.now() - seed0) / 1000;
  seeded = Number((await raw<{ n: string }[]>`select count(*) as n from telemetry where tenant_id = ${tenant.id}`)[0]!.n);
  const dirty = (await raw<{ n: string }[]>`select count(*) as n from telemetry_dirty`)[0]!.n;
  console.log(
    `\nseeded ${Number(seeded).toLocaleString()} rows in ${seedSeconds.toFixed(1)} s; ${Number(dirty).toLocaleString()} dirty minutes queued`,
  );

  // 3. Rollup of everything seeded (what the worker's job does every 15 s), timed.
  const roll0 = performance.now();
  let rolled = { claimed: 0, minutes: 0, hours: 0, batches: 0 };
  for (;;) {
    const r = await runRollup(db, { batchSize: 20_000, maxBatches: 100_000 });
    rolled = {
      claimed: rolled.claimed + r.claimed,
      minutes: rolled.minutes + r.minutes,
      hours: rolled.hours + r.hours,
      batches: rolled.batches + r.batches,
    };
    if (r.rolledUpTo) break;
    await sleep(200);
  }
  const rollupSeconds = (performance.now() - roll0) / 1000;
  await maintainTables(benchOwnerUrl(), ["telemetry_rollup_1m", "telemetry_rollup_1h"], "vacuum analyze");
  console.log(
    `rollup: ${rolled.minutes.toLocaleString()} minutes, ${rolled.hours.toLocaleString()} hours in ${rollupSeconds.toFixed(1)} s`,
  );
  seedFigures = { seconds: Math.round(seedSeconds * 10) / 10, rowsPerSecond: Math.round(seeded / seedSeconds) };
  rollupFigures = {
    ...rolled,
    seconds: Math.round(rollupSeconds * 10) / 10,
    secondsPerMillionRows: Math.round((rollupSeconds / (seeded / 1e6)) * 10) / 10,
  };
}

// 4. The built web app (npm run build -w @aspen/web first), signed in over HTTP like a browser.
const { base, stop: stopWeb } = await startBuiltWeb(port, {
  ...env,
  AUTH_SECRET: "bench-history-secret-0123456789abcdef0123",
  REDIS_PREFIX: "bench-history:",
  // The REST calls of one run would meet the free plan's 600 requests/min: measure the query, not the limiter.
  API_RATE_PER_MINUTE: "100000000",
});
const jar = new Map<string, string>();
const remember = (res: Response) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
};
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
const csrf = await fetch(`${base}/api/auth/csrf`);
remember(csrf);
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
const login = await fetch(`${base}/api/auth/callback/credentials`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
  body: new URLSearchParams({ csrfToken, email: ownerEmail, password, callbackUrl: base }),
});
remember(login);
if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${login.status})`);

// An API key of the tenant for the REST API (what a third party calls), made as its owner.
const [ownerRow] = await raw<{ id: string }[]>`select id from users where email = ${ownerEmail}`;
if (!ownerRow) throw new Error(`no user ${ownerEmail}`);
const restKey = await withTenant(db, tenant.id, (tx) =>
  insertBenchApiKey(tx, {
    tenantId: tenant.id,
    createdBy: ownerRow.id,
    scopes: ["telemetry:read"],
    expiresAt: new Date(Date.now() + 3_600_000),
  }),
);

/**
 * POST /api/v1/telemetry/history: the console's history query over REST (API key; no session, no tRPC). Node's
 * fetch asks for gzip; `compressed: false` asks for none, as a client next to the server may (the answer is JSON
 * of ~89 KB for 30 days, which the hand-written SQL's client gets uncompressed too).
 */
async function restSeries(series: { deviceId: string; key: string }[], from: number, to: number, compressed = true) {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/telemetry/history`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${restKey}`,
      "content-type": "application/json",
      ...(compressed ? {} : { "accept-encoding": "identity" }),
    },
    body: JSON.stringify({ series, from: new Date(from).toISOString(), to: new Date(to).toISOString(), timeZone: "UTC" }),
  });
  const body = (await res.json()) as { bucketSeconds?: number; series?: { points: unknown[] }[]; error?: unknown };
  const took = performance.now() - t0;
  if (!res.ok || !body.series) throw new Error(`REST history failed (${res.status}): ${JSON.stringify(body.error)}`);
  return { took, points: body.series[0]?.points.length ?? 0, bucketSeconds: body.bucketSeconds };
}

async function apiSeries(series: { deviceId: string; key: string }[], from: number, to: number) {
  const input = {
    json: { tenantSlug: tenant.slug, series, from: new Date(from).toISOString(), to: new Date(to).toISOString(), timeZone: "UTC" },
  };
  const t0 = performance.now();
  const res = await fetch(`${base}/api/trpc/history.series?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie: cookie(), origin: base, "x-trpc-source": "bench" },
  });
  const body = (await res.json()) as {
    result?: { data: { json: { bucketSeconds: number; source: string; series: { points: unknown[] }[] } } };
    error?: unknown;
  };
  const took = performance.now() - t0;
  if (!res.ok || !body.result) throw new Error(`history.series failed: ${JSON.stringify(body.error)}`);
  return { took, data: body.result.data.json };
}

const device0 = deviceIds[0];
if (!device0) throw new Error("the bench tenant has no devices");
const dev0 = publicId("dev", device0);
const to = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
const from30 = to - 30 * 86_400_000;
// 5. 30-day chart, 1 device × 1 key: the API and the hand-written SQL over the same rollup, interleaved.
const hand = (device: string, key: string) => raw`
  select date_bin('1 hour', bucket, timestamptz 'epoch') as b, min(min) as mn, max(max) as mx, sum(sum) / sum(count) as avg, sum(count) as n
  from telemetry_rollup_1h
  where tenant_id = ${tenant.id} and device_id = ${device} and key = ${key}
    and bucket >= ${new Date(from30).toISOString()}::timestamptz and bucket < ${new Date(to).toISOString()}::timestamptz
  group by 1 order by 1`;
for (let i = 0; i < 5; i++) {
  await apiSeries([{ deviceId: dev0, key: "k0" }], from30, to);
  await restSeries([{ deviceId: dev0, key: "k0" }], from30, to);
  await hand(device0, "k0");
}
const watermark = await withSystem(db, (tx) => rollupWatermark(tx));
const serviceRequest = (key: string) => ({
  series: [{ deviceId: device0, key }],
  from: new Date(from30),
  to: new Date(to),
  bucketSeconds: 3600,
  timeZone: "UTC",
  source: "rollup_1h" as const,
  rolledUpTo: watermark,
});
const serviceStatement = (key: string) => historyAggregatesSql(tenant.id, serviceRequest(key));
// The hand-written SQL as the service must run it too: inside the tenant's transaction (row-level security).
const handStatement = (
  key: string,
) => sql`select date_bin('1 hour', bucket, timestamptz 'epoch') as b, min(min) as mn, max(max) as mx, sum(sum) / sum(count) as avg, sum(count) as n
      from telemetry_rollup_1h
      where tenant_id = ${tenant.id} and device_id = ${device0} and key = ${key}
        and bucket >= ${new Date(from30).toISOString()}::timestamptz and bucket < ${new Date(to).toISOString()}::timestamptz
      group by 1 order by 1`;
const handInTenant = (key: string) => withTenant(db, tenant.id, (tx) => tx.execute(handStatement(key)));
// The same, prepared (planned once per connection), as the service runs its statement: the best hand-written SQL.
const handInTenantPrepared = (key: string) => withTenant(db, tenant.id, (tx) => executePrepared(tx, handStatement(key)));
const api30: number[] = [];
const sql30: number[] = [];
const svc30: number[] = [];
const handTx30: number[] = [];
const handPrep30: number[] = [];
const rest30: number[] = [];
const restPlain30: number[] = [];
let restPoints = 0;
let shape = { bucketSeconds: 0, source: "", points: 0 };
for (let i = 0; i < calls; i++) {
  const key = `k${i % nKeys}`;
  const r = await apiSeries([{ deviceId: dev0, key }], from30, to);
  api30.push(r.took);
  shape = { bucketSeconds: r.data.bucketSeconds, source: r.data.source, points: r.data.series[0]!.points.length };
  const rr = await restSeries([{ deviceId: dev0, key }], from30, to);
  rest30.push(rr.took);
  restPoints = rr.points;
  restPlain30.push((await restSeries([{ deviceId: dev0, key }], from30, to, false)).took);
  const t0 = performance.now();
  await hand(device0, key);
  sql30.push(performance.now() - t0);
  // The service's query function: its statement and the empty buckets it lays out, in the tenant's transaction.
  const t1 = performance.now();
  await withTenant(db, tenant.id, (tx) => historyBucketsMany(tx, tenant.id, serviceRequest(key)));
  svc30.push(performance.now() - t1);
  const t2 = performance.now();
  await handInTenant(key);
  handTx30.push(performance.now() - t2);
  const t3 = performance.now();
  await handInTenantPrepared(key);
  handPrep30.push(performance.now() - t3);
}
// 6. 90 days over 20 keys (2 devices × 10 keys).
const from90 = to - 90 * 86_400_000;
const twenty = deviceIds.slice(0, 2).flatMap((d) => keys.slice(0, 10).map((k) => ({ deviceId: publicId("dev", d), key: k })));
for (let i = 0; i < 3; i++) await apiSeries(twenty, from90, to);
const api90: number[] = [];
const rest90: number[] = [];
for (let i = 0; i < 3; i++) await restSeries(twenty, from90, to);
for (let i = 0; i < calls; i++) {
  api90.push((await apiSeries(twenty, from90, to)).took);
  rest90.push((await restSeries(twenty, from90, to)).took);
}

// 7. Plans: the hand-written SQL and the statement the service runs.
const explain = async (title: string, q: ReturnType<typeof sql>) => {
  const rowsOut = await withTenant(db, tenant.id, (tx) => tx.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, buffers) ${q}`));
  return `-- ${title}\n${rowsOut.map((r) => r["QUERY PLAN"]).join("\n")}\n`;
};
const handSql = sql`select date_bin('1 hour', bucket, timestamptz 'epoch') as b, min(min), max(max), sum(sum) / sum(count), sum(count)
  from telemetry_rollup_1h where tenant_id = ${tenant.id} and device_id = ${device0} and key = 'k0'
  and bucket >= ${new Date(from30).toISOString()}::timestamptz and bucket < ${new Date(to).toISOString()}::timestamptz group by 1 order by 1`;
const serviceSql = serviceStatement("k0");
const plans = [
  await explain("hand-written SQL over telemetry_rollup_1h (30 days, 1 device, 1 key)", handSql),
  await explain("historyBucketsMany (the service's statement, same query; empty buckets are laid out in TypeScript)", serviceSql),
];
writeFileSync(join(root, `bench/results/${args.label}-explain-latest.txt`), plans.join("\n"));

const r1 = (x: number) => Math.round(x * 10) / 10;
const api = stats(api30);
const handStats = stats(sql30);
const result = {
  rows: seeded,
  devices: nDevices,
  keys: nKeys,
  days,
  seed: seedFigures,
  rollup: rollupFigures,
  query30d: {
    ...shape,
    apiMs: { p50: r1(api.p50), p95: r1(api.p95), max: r1(api.max) },
    handSqlMs: { p50: r1(handStats.p50), p95: r1(handStats.p95), max: r1(handStats.max) },
    serviceStatementMs: (({ p50, p95, max }) => ({ p50: r1(p50), p95: r1(p95), max: r1(max) }))(stats(svc30)),
    handSqlInTenantMs: (({ p50, p95, max }) => ({ p50: r1(p50), p95: r1(p95), max: r1(max) }))(stats(handTx30)),
    p95Ratio: r1(api.p95 / handStats.p95),
    statementP95Ratio: r1(stats(svc30).p95 / handStats.p95),
    /** The service's query vs the hand-written SQL, both in the tenant's transaction: the like-for-like ratio. */
    statementInTenantP95Ratio: r1(stats(svc30).p95 / stats(handTx30).p95),
    handSqlInTenantPreparedMs: (({ p50, p95, max }) => ({ p50: r1(p50), p95: r1(p95), max: r1(max) }))(stats(handPrep30)),
    /** Against the best of the two hand-written variants in the tenant's transaction. */
    statementVsBestHandP95Ratio: r1(stats(svc30).p95 / Math.min(stats(handTx30).p95, stats(handPrep30).p95)),
    /** The same query over REST (API key; the launcher hands /api/v1 to its route handler). */
    restMs: (({ p50, p95, max }) => ({ p50: r1(p50), p95: r1(p95), max: r1(max) }))(stats(rest30)),
    restPoints,
    restVsBestHandP95Ratio: r1(stats(rest30).p95 / Math.min(handStats.p95, stats(handTx30).p95, stats(handPrep30).p95)),
    /** The same without compression (Accept-Encoding: identity). */
    restUncompressedMs: (({ p50, p95, max }) => ({ p50: r1(p50), p95: r1(p95), max: r1(max) }))(stats(restPlain30)),
    restUncompressedVsBestHandP95Ratio: r1(stats(restPlain30).p95 / Math.min(handStats.p95, stats(handTx30).p95, stats(handPrep30).p95)),
  },
  query90d20keys: {
    apiMs: (({ p50, p95, max }) => ({ p50: r1(p50), p95: r1(p95), max: r1(max) }))(stats(api90)),
    restMs: (({ p50, p95, max }) => ({ p50: r1(p50), p95: r1(p95), max: r1(max) }))(stats(rest90)),
  },
  calls,
};
console.log(JSON.stringify(result, null, 2));
console.log(`results: ${writeResults(args.label, result)}`);
stopWeb();

if (!args.keep && !args.reuse) {
  console.log("deleting the bench tenant's rows…");
  await raw`delete from telemetry where tenant_id = ${tenant.id}`;
  await raw`delete from telemetry_rollup_1m where tenant_id = ${tenant.id}`;
  await raw`delete from telemetry_rollup_1h where tenant_id = ${tenant.id}`;
  await raw`delete from tenants where id = ${tenant.id}`;
}
await raw.end({ timeout: 5 });
await db.$close();
process.exit(0);
