// GET /api/v1/devices?limit=50 vs the console's tRPC device.list (pageSize 50), side by side in one run,
// against the BUILT web app (`next start`, spawned here) on a tenant with 10,000 devices.
//   eval "$(bash scripts/services.sh aspen_bench)"; npm run db:migrate; npm run build -w @aspen/web
//   npm run api -w @aspen/bench   [-- --devices 10000 --connections 100 --seconds 15]
import { generateSecret, hashSecret } from "@aspen/core";
import { createDb, insertDevices, withTenant } from "@aspen/db";
import { createTestTenant, createTestUser } from "@aspen/db/testing";
import autocannon from "autocannon";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchEnv } from "../lib/env";
import { insertBenchApiKey } from "../lib/fixtures";
import { benchOwnerUrl, maintainTables } from "../lib/maintenance";
import { startBuiltWeb } from "../lib/processes";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const deviceCount = arg("devices", 10_000);
const connections = arg("connections", 100);
const seconds = arg("seconds", 15);
const port = arg("port", 3299);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const base = `http://127.0.0.1:${port}`;

const env = benchEnv();
const tenantUrl = process.env.TENANT_DATABASE_URL;
if (!tenantUrl) throw new Error("bench/api: TENANT_DATABASE_URL is needed too (scripts/services.sh exports it)");
const db = createDb(env.DATABASE_URL, { max: 4, system: true });

console.log(`seeding a tenant with ${deviceCount} devices…`);
const user = await createTestUser(db);
const tenant = await createTestTenant(db, { ownerId: user.id });
const secret = await withTenant(db, tenant.id, async (tx) => {
  const { schema } = await import("@aspen/db");
  const [product] = await tx
    .insert(schema.products)
    .values({
      tenantId: tenant.id,
      name: "bench",
      thingModel: { properties: [], events: [], commands: [] },
      productKey: `pk_${generateSecret()}`,
    })
    .returning();
  const rows = Array.from({ length: deviceCount }, (_, i) => ({
    tenantId: tenant.id,
    productId: product!.id,
    name: `dev-${String(i).padStart(6, "0")}`,
    labels: { site: i % 2 ? "a" : "b" },
    secretHash: hashSecret(generateSecret()),
    secretHint: "…",
    createdBy: user.id,
  }));
  await insertDevices(tx, rows);
  return insertBenchApiKey(tx, { tenantId: tenant.id, createdBy: user.id, scopes: ["devices:read"], name: "bench" });
});

// Statistics that know the new tenant, as autovacuum leaves them soon after an import. Without this the planner
// met a tenant it took for one row and read and sorted all 10,000 devices for each page (a top-N sort: ~17 ms
// of PostgreSQL's CPU per request), and what the run measured depended on whether autovacuum came first.
await maintainTables(benchOwnerUrl(), ["devices", "products", "api_keys"]);

console.log("starting the built web app…");
const { stop } = await startBuiltWeb(
  port,
  {
    TENANT_DATABASE_URL: tenantUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789",
    WEB_OPS_PORT: String(port + 10_000),
    ABUSE_LIMITS_SCALE: "100",
    // 600/min per key would turn the load into 429s: measure the API, not the limiter's refusals.
    API_RATE_PER_MINUTE: "100000000",
  },
  root,
);

// A console session, signed in through Auth.js' credentials endpoint like the login form.
const csrf = await fetch(`${base}/api/auth/csrf`);
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
const csrfCookie = csrf.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");
const login = await fetch(`${base}/api/auth/callback/credentials`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
  body: new URLSearchParams({ email: user.email, password: user.password, csrfToken, callbackUrl: base }),
});
const cookie = [csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
if (!cookie.includes("session-token")) throw new Error(`bench/api: sign-in failed (${login.status})`);

const trpcPath = `/api/trpc/device.list?input=${encodeURIComponent(JSON.stringify({ json: { tenantSlug: tenant.slug, page: 1, pageSize: 50 } }))}`;
const restPath = "/api/v1/devices?limit=50";
// Both answer 50 devices before the load starts.
const check = async (p: string, headers: Record<string, string>) => {
  const r = await fetch(`${base}${p}`, { headers });
  if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
  return r.json();
};
const restBody = (await check(restPath, { authorization: `Bearer ${secret}` })) as { items: unknown[] };
const trpcBody = (await check(trpcPath, { cookie })) as { result: { data: { json: { items: unknown[] } } } };
if (restBody.items.length !== 50 || trpcBody.result.data.json.items.length !== 50) throw new Error("expected 50 devices from both");

function load(title: string, p: string, headers: Record<string, string>) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url: `${base}${p}`, connections, duration: seconds, headers, title }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

const results: Record<string, { rps: number; p50: number; p99: number; non2xx: number; errors: number }> = {};
for (const [name, p, headers] of [
  ["warmup-rest", restPath, { authorization: `Bearer ${secret}` }],
  ["warmup-trpc", trpcPath, { cookie }],
  ["rest", restPath, { authorization: `Bearer ${secret}` }],
  ["trpc", trpcPath, { cookie }],
] as const) {
  const r = await load(name, p, headers);
  results[name] = { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
  console.log(
    `${name}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
  );
}
const ratio = results.rest!.rps / results.trpc!.rps;
console.log(`REST/tRPC requests/s: ${ratio.toFixed(2)} (target ≥ 0.8); REST p99 ${results.rest!.p99} ms (target < 50 ms)`);
mkdirSync(path.join(root, "bench/results"), { recursive: true });
const out = path.join(root, "bench/results", `api-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(out, JSON.stringify({ scenario: "api", devices: deviceCount, connections, seconds, results, ratio }, null, 2));
console.log(`wrote ${out}`);
stop();
process.exit(0);
