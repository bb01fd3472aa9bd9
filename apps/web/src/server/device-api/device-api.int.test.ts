import { schema, withSystem } from "@aspen/db";
import { and, eq, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAttributes, POST as postAttributes } from "../../app/api/device/v1/attributes/route";
import { POST as postResponse } from "../../app/api/device/v1/commands/[id]/response/route";
import { GET as getCommands } from "../../app/api/device/v1/commands/route";
import { POST as register } from "../../app/api/device/v1/register/route";
import { POST as postTelemetry } from "../../app/api/device/v1/telemetry/route";
import { POST as postEvent } from "../../app/api/device/v1/events/[event]/route";
import { GET as unknownGet } from "../../app/api/device/v1/[...rest]/route";
import { getSystemDb } from "../db";
import { callerAs, ensureTestEnv } from "../testing";
import { ingestBatchSchema, parsePublicId, redisKeys, utcDay } from "@aspen/core";
import { createDeviceWorld, createTestDevice, uuidOf, waitFor, type DeviceWorld } from "./testing";
import { deviceErrorRowsPerMinute, deviceRequestsPerMinute } from "./rate-limit";

ensureTestEnv();

const base = "http://localhost:3000/api/device/v1";
const prefix = process.env.REDIS_PREFIX ?? "";

function req(
  path: string,
  opts: { method?: string; secret?: string | null; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.secret) headers.authorization = `Bearer ${opts.secret}`;
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (body !== undefined && typeof body === "string") headers["content-type"] ??= "application/json";
  return new Request(`${base}${path}`, {
    method: opts.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    duplex: "half",
  } as RequestInit);
}

async function call(res: Promise<Response> | Response) {
  const r = await res;
  return { status: r.status, headers: r.headers, body: await r.json() };
}

const respond = (id: string, secret: string, body: unknown) =>
  postResponse(req(`/commands/${id}/response`, { secret, body }), { params: Promise.resolve({ id }) });

const db = () => getSystemDb();

async function telemetryRows(deviceUuid: string) {
  return withSystem(db(), (tx) =>
    tx.select().from(schema.telemetry).where(eq(schema.telemetry.deviceId, deviceUuid)).orderBy(schema.telemetry.key, schema.telemetry.ts),
  );
}
async function deviceRow(deviceUuid: string) {
  const [row] = await withSystem(db(), (tx) => tx.select().from(schema.devices).where(eq(schema.devices.id, deviceUuid)));
  return row!;
}
async function errorRows(deviceUuid: string) {
  return withSystem(db(), (tx) =>
    tx.select().from(schema.deviceErrors).where(eq(schema.deviceErrors.deviceId, deviceUuid)).orderBy(schema.deviceErrors.at),
  );
}

let w: DeviceWorld;
let redis: Redis;
let sub: Redis;
const live: { channel: string; msgs: any[] }[] = [];

beforeAll(async () => {
  w = await createDeviceWorld({ selfRegister: true });
  redis = new Redis(process.env.REDIS_URL!);
  sub = new Redis(process.env.REDIS_URL!);
  await sub.subscribe(redisKeys(prefix).live(w.tenant.id));
  sub.on("message", (channel, m) => live.push({ channel, msgs: JSON.parse(m) }));
});

afterAll(async () => {
  await sub?.quit();
  await redis?.quit();
});

describe("POST /register", () => {
  let productSecret: string;
  beforeAll(async () => {
    productSecret = (await w.owner.product.rotateProductSecret({ tenantSlug: w.slug, id: w.product.id })).productSecret;
  });

  it("creates the device with the right product key + secret and returns its secret once, with MQTT settings", async () => {
    const name = `self-${Date.now()}`;
    const r = await call(
      register(req("/register", { body: { productKey: w.product.productKey, productSecret, name, labels: { site: "lab" } } })),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name, productId: w.product.id });
    expect(r.body.deviceId).toMatch(/^dev_/);
    expect(r.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.body.mqtt).toMatchObject({ username: `${w.slug}/${name}`, password: r.body.secret, clientId: r.body.deviceId });
    const seen = await w.owner.device.byId({ tenantSlug: w.slug, id: r.body.deviceId });
    expect(seen.labels).toEqual({ site: "lab" });
    expect(JSON.stringify(seen)).not.toContain(r.body.secret);
    // The new secret works at once.
    expect((await call(postTelemetry(req("/telemetry", { secret: r.body.secret, body: { temperature: 20 } })))).status).toBe(200);
    const audit = await w.owner.audit.list({ tenantSlug: w.slug, action: "device.create", page: 1, pageSize: 50 });
    expect(audit.items.find((a) => a.targetId === r.body.deviceId)?.details).toMatchObject({ via: "self_registration" });

    const again = await call(register(req("/register", { body: { productKey: w.product.productKey, productSecret, name } })));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("device_name_taken");
  });

  it("refuses a wrong product secret and an unknown product key with the same 401", async () => {
    const wrong = await call(
      register(req("/register", { body: { productKey: w.product.productKey, productSecret: "x".repeat(43), name: "nope-1" } })),
    );
    const unknown = await call(register(req("/register", { body: { productKey: "pk_doesnotexist", productSecret, name: "nope-2" } })));
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("invalid_product_credentials");
    }
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it("refuses a product that does not allow self-registration (403), even with its right secret", async () => {
    const closed = await w.owner.product.create({ tenantSlug: w.slug, name: `Closed ${Date.now()}`, thingModel: {}, selfRegister: false });
    const secret = (await w.owner.product.rotateProductSecret({ tenantSlug: w.slug, id: closed.id })).productSecret;
    const r = await call(register(req("/register", { body: { productKey: closed.productKey, productSecret: secret, name: "closed-1" } })));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("self_registration_disabled");
  });

  it("validates the body with per-field details", async () => {
    const r = await call(register(req("/register", { body: { productKey: w.product.productKey, name: "bad name!" } })));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_body");
    expect(r.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["name", "productSecret"]);
    const notJson = await call(register(req("/register", { raw: "{oops" })));
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("invalid_payload");
  });
});

describe("POST /telemetry", () => {
  it("stores every value, updates the device row and the usage counters, and tells the console", async () => {
    const d = await createTestDevice(w);
    const usageKey = redisKeys(prefix).usage(w.tenant.id, utcDay(Date.now()));
    const before = Number((await redis.hget(usageKey, "messages")) ?? 0);
    const r = await call(postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: 21.5, humidity: 40, on: true } })));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ accepted: { points: 1, values: 3 } });
    const rows = await telemetryRows(d.uuid);
    expect(rows.map((x) => [x.key, x.valueNum, x.valueBool])).toEqual([
      ["humidity", 40, null],
      ["on", null, true],
      ["temperature", 21.5, null],
    ]);
    const row = await deviceRow(d.uuid);
    expect(row.latest.temperature?.value).toBe(21.5);
    expect(row.messageCount).toBe(1);
    expect(row.lastSeenAt).toBeInstanceOf(Date);
    expect(Number(await redis.hget(usageKey, "messages"))).toBe(before + 1);
    const latest = await redis.hget(redisKeys(prefix).latest(d.uuid), "temperature");
    expect(JSON.parse(latest!)).toMatchObject({ value: 21.5 });
    const msg = await waitFor(() => live.flatMap((l) => l.msgs).find((m) => m.type === "telemetry" && m.deviceId === d.uuid));
    expect(msg.values).toEqual({ temperature: 21.5, humidity: 40, on: true });
    // And the console's chart API sees it.
    const latestApi = await callerAs(w.users.viewer).telemetry.latest({ tenantSlug: w.slug, deviceId: d.id });
    expect(latestApi.values.find((v) => v.key === "humidity")?.value).toBe(40);
  });

  it("accepts the ThingsBoard forms with timestamps (array of {ts, values})", async () => {
    const d = await createTestDevice(w);
    const t = Date.now() - 60_000;
    const r = await call(
      postTelemetry(
        req("/telemetry", {
          secret: d.secret,
          body: [
            { ts: t, values: { temperature: 1 } },
            { ts: t + 1000, values: { temperature: 2 } },
          ],
        }),
      ),
    );
    expect(r.status).toBe(200);
    expect(r.body.accepted).toEqual({ points: 2, values: 2 });
    const rows = await telemetryRows(d.uuid);
    expect(rows.map((x) => [x.ts.getTime(), x.valueNum])).toEqual([
      [t, 1],
      [t + 1000, 2],
    ]);
  });

  it("refuses bad keys with per-key reasons while storing the good ones, and records the error", async () => {
    const d = await createTestDevice(w);
    const r = await call(
      postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: 500, humidity: 40, nope: 1, mode: "turbo" } })),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_values");
    expect(r.body.accepted).toEqual({ points: 1, values: 1 });
    const byKey = Object.fromEntries(r.body.error.details.map((e: { key: string; reason: string }) => [e.key, e.reason]));
    expect(Object.keys(byKey).sort()).toEqual(["mode", "nope", "temperature"]);
    expect(byKey.nope).toBe("unknown key");
    expect(byKey.temperature).toMatch(/125/);
    expect(r.body.error.message).toMatch(/1 valid value was stored/);
    expect((await telemetryRows(d.uuid)).map((x) => x.key)).toEqual(["humidity"]);
    const errors = await errorRows(d.uuid);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: "validation", topic: "POST /api/device/v1/telemetry" });
    expect(errors[0]!.reason).toMatch(/temperature/);
    const row = await deviceRow(d.uuid);
    expect(row.errorCount).toBe(1);
    expect(row.messageCount).toBe(1);
    // Visible in the console's "last errors".
    const last = await callerAs(w.users.viewer).deviceActivity.errors({ tenantSlug: w.slug, deviceId: d.id, page: 1, pageSize: 5 });
    expect(last.items[0]?.kind).toBe("validation");
  });

  it("keeps undeclared keys when the product says so", async () => {
    const kw = await createDeviceWorld({ unknownKeys: "keep" });
    const d = await createTestDevice(kw);
    const r = await call(postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: 20, firmware: "1.2.3" } })));
    expect(r.status).toBe(200);
    expect((await telemetryRows(d.uuid)).map((x) => [x.key, x.valueStr])).toEqual([
      ["firmware", "1.2.3"],
      ["temperature", null],
    ]);
  });

  it("malformed JSON and bad payload shapes are 400 invalid_payload and recorded", async () => {
    const d = await createTestDevice(w);
    const a = await call(postTelemetry(req("/telemetry", { secret: d.secret, raw: '{"temperature": ' })));
    expect(a.status).toBe(400);
    expect(a.body.error.code).toBe("invalid_payload");
    expect(a.body.error.message).toMatch(/malformed JSON/);
    const b = await call(
      postTelemetry(req("/telemetry", { secret: d.secret, body: [{ ts: Date.now() + 3600_000, values: { temperature: 1 } }] })),
    );
    expect(b.status).toBe(400);
    expect(b.body.error.message).toMatch(/future/);
    const c = await call(postTelemetry(req("/telemetry", { secret: d.secret, body: 42 })));
    expect(c.status).toBe(400);
    expect((await errorRows(d.uuid)).map((e) => e.kind)).toEqual(["payload", "payload", "payload"]);
    expect(await telemetryRows(d.uuid)).toHaveLength(0);
  });

  it("wrong or missing bearer: 401 with a Bearer challenge", async () => {
    for (const secret of [null, "not-a-real-secret-0123456789012345678901234"]) {
      const r = await call(postTelemetry(req("/telemetry", { secret, body: { temperature: 1 } })));
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("invalid_credentials");
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const basic = await call(
      postTelemetry(req("/telemetry", { headers: { authorization: "Basic Zm9vOmJhcg==" }, body: { temperature: 1 } })),
    );
    expect(basic.status).toBe(401);
  });

  it("a disabled device is refused with 403 and the refusal is recorded", async () => {
    const d = await createTestDevice(w);
    await w.owner.device.setEnabled({ tenantSlug: w.slug, id: d.id, enabled: false });
    const r = await call(postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: 1 } })));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("device_disabled");
    expect(await telemetryRows(d.uuid)).toHaveLength(0);
    expect((await errorRows(d.uuid)).map((e) => [e.kind, e.reason])).toEqual([["auth", "device is disabled"]]);
  });

  it("a disabled device retrying in a loop adds at most the per-minute budget of error rows, then gets 429", async () => {
    const d = await createTestDevice(w);
    await w.owner.device.setEnabled({ tenantSlug: w.slug, id: d.id, enabled: false });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: i } }))).status);
    }
    expect(statuses.every((s) => s === 403)).toBe(true);
    expect(await errorRows(d.uuid)).toHaveLength(deviceErrorRowsPerMinute);
    // Past the request budget the device is told to back off, and still nothing more is recorded.
    const limiter = `${prefix}aspen:device-http:device:${d.uuid}`;
    await redis.set(limiter, String(deviceRequestsPerMinute), "EX", 60);
    expect((await postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: 1 } }))).status).toBe(429);
    expect(await errorRows(d.uuid)).toHaveLength(deviceErrorRowsPerMinute);
  });

  it("a device of a suspended tenant is refused with 403", async () => {
    const sw = await createDeviceWorld();
    const d = await createTestDevice(sw);
    await withSystem(db(), (tx) => tx.update(schema.tenants).set({ status: "suspended" }).where(eq(schema.tenants.id, sw.tenant.id)));
    const r = await call(postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: 1 } })));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("tenant_suspended");
  });

  it("an oversized body is 413 — by Content-Length, and when streamed without one", async () => {
    const d = await createTestDevice(w);
    const big = JSON.stringify({ temperature: 1, pad: "x".repeat(300 * 1024) });
    const a = await call(
      postTelemetry(req("/telemetry", { secret: d.secret, raw: big, headers: { "content-length": String(big.length) } })),
    );
    expect(a.status).toBe(413);
    expect(a.body.error).toMatchObject({ code: "payload_too_large", details: { limitBytes: 262144 } });
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Would go on for 100 MiB: the reader must stop early.
        if (sent++ >= 1600) return controller.close();
        controller.enqueue(chunk);
      },
    });
    const b = await call(postTelemetry(req("/telemetry", { secret: d.secret, raw: stream })));
    expect(b.status).toBe(413);
    expect(sent).toBeLessThan(20);
    expect((await errorRows(d.uuid)).map((e) => e.kind)).toEqual(["oversized", "oversized"]);
  });
});

describe("attributes", () => {
  it("POST merges reported attributes (bad keys refused one by one); GET returns reported, desired and version", async () => {
    const d = await createTestDevice(w);
    const a = await call(postAttributes(req("/attributes", { secret: d.secret, body: { mode: "eco", on: true } })));
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ accepted: 2, version: 1 });
    const b = await call(postAttributes(req("/attributes", { secret: d.secret, body: { mode: "turbo", target: 20 } })));
    expect(b.status).toBe(400);
    expect(b.body.error.details.map((e: { key: string }) => e.key)).toEqual(["mode"]);
    expect(b.body).toMatchObject({ accepted: 1, version: 2 });
    await w.owner.deviceShadow.updateDesired({ tenantSlug: w.slug, deviceId: d.id, desired: { target: 22 } });
    const g = await call(getAttributes(req("/attributes", { secret: d.secret })));
    expect(g.status).toBe(200);
    expect(g.body).toEqual({ reported: { mode: "eco", on: true, target: 20 }, desired: { target: 22 }, version: 3 });
    const filtered = await call(getAttributes(req("/attributes?clientKeys=mode&sharedKeys=nothing", { secret: d.secret })));
    expect(filtered.body).toEqual({ reported: { mode: "eco" }, desired: {}, version: 3 });
    const notObject = await call(postAttributes(req("/attributes", { secret: d.secret, body: [1, 2] })));
    expect(notObject.status).toBe(400);
    expect(notObject.body.error.code).toBe("invalid_payload");
  });
});

describe("commands", () => {
  it("GET returns queued commands once (marking them sent); POST …/response completes them", async () => {
    const d = await createTestDevice(w);
    const dev = callerAs(w.users.developer);
    const c1 = await dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "reboot", params: { delaySeconds: 2 } });
    const c2 = await dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "setLevel", params: { level: 4 } });
    const other = await createTestDevice(w);
    await dev.command.send({ tenantSlug: w.slug, deviceId: other.id, method: "reboot" });

    const got = await call(getCommands(req("/commands", { secret: d.secret })));
    expect(got.status).toBe(200);
    expect(got.body.commands).toEqual([
      { id: c1.id, requestId: 1, method: "reboot", params: { delaySeconds: 2 } },
      { id: c2.id, requestId: 2, method: "setLevel", params: { level: 4 } },
    ]);
    expect((await dev.command.byId({ tenantSlug: w.slug, id: c1.id })).status).toBe("sent");
    expect((await call(getCommands(req("/commands", { secret: d.secret })))).body.commands).toEqual([]);

    const ok = await call(respond(c1.id, d.secret, { status: "succeeded", result: { ok: true } }));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ id: c1.id, requestId: 1, status: "succeeded" });
    const done = await dev.command.byId({ tenantSlug: w.slug, id: c1.id });
    expect(done).toMatchObject({ status: "succeeded", response: { ok: true }, error: null });
    expect(done.completedAt).toBeInstanceOf(Date);

    const twice = await call(respond(c1.id, d.secret, { status: "succeeded" }));
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("command_not_waiting");

    // By request id, as in the MQTT topic; a failure with its reason.
    const failed = await call(respond("2", d.secret, { status: "failed", error: "motor stuck" }));
    expect(failed.status).toBe(200);
    expect(await dev.command.byId({ tenantSlug: w.slug, id: c2.id })).toMatchObject({ status: "failed", error: "motor stuck" });
  });

  it("checks a result against the command's output; unknown, foreign and malformed ids are 404; bad bodies 400", async () => {
    const d = await createTestDevice(w);
    const dev = callerAs(w.users.developer);
    const c = await dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "reboot" });
    await call(getCommands(req("/commands", { secret: d.secret })));
    const bad = await call(respond(c.id, d.secret, { status: "succeeded", result: { ok: "yes", extra: 1 } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_values");
    expect((await dev.command.byId({ tenantSlug: w.slug, id: c.id })).status).toBe("sent");
    const body = await call(respond(c.id, d.secret, { status: "done" }));
    expect(body.status).toBe(400);
    expect(body.body.error.code).toBe("invalid_body");

    const other = await createTestDevice(w);
    expect((await call(respond(c.id, other.secret, { status: "succeeded" }))).status).toBe(404);
    expect((await call(respond("cmd_nonsense", d.secret, { status: "succeeded" }))).status).toBe(404);
    expect((await call(respond("999", d.secret, { status: "succeeded" }))).status).toBe(404);
    expect((await dev.command.byId({ tenantSlug: w.slug, id: c.id })).status).toBe("sent");
  });

  it("GET /commands validates limit and needs the device's secret", async () => {
    const d = await createTestDevice(w);
    expect((await call(getCommands(req("/commands?limit=0", { secret: d.secret })))).status).toBe(400);
    expect((await call(getCommands(req("/commands")))).status).toBe(401);
  });
});

describe("events", () => {
  const post = (event: string, secret: string, body: unknown) =>
    postEvent(req(`/events/${event}`, { secret, body }), { params: Promise.resolve({ event }) });

  it("stores a declared event (once per device-given ts) and refuses unknown events and bad params with reasons", async () => {
    const d = await createTestDevice(w);
    const ok = await call(post("overheat", d.secret, { temp: 91.5 }));
    expect(ok.status).toBe(201);
    const t = Date.now() - 5000;
    expect((await call(post("overheat", d.secret, { ts: t, params: { temp: 95 } }))).status).toBe(201);
    expect((await call(post("overheat", d.secret, { ts: t, params: { temp: 95 } }))).status).toBe(201);
    const list = await callerAs(w.users.viewer).telemetry.events({ tenantSlug: w.slug, deviceId: d.id, page: 1, pageSize: 10 });
    expect(list.items.map((e) => [e.event, e.level, e.params.temp])).toEqual([
      ["overheat", "warning", 91.5],
      ["overheat", "warning", 95],
    ]);
    const unknown = await call(post("explode", d.secret, {}));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown event "explode"/);
    const bad = await call(post("overheat", d.secret, { temp: "hot", x: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((e: { key: string }) => e.key).sort()).toEqual(["temp", "x"]);
    expect((await errorRows(d.uuid)).map((e) => e.kind)).toEqual(["validation", "validation"]);
  });
});

describe("limits and unknown paths", () => {
  it("a device over its per-minute budget gets 429 with Retry-After", async () => {
    const d = await createTestDevice(w);
    // Spend the budget directly in the limiter's Redis key rather than with 600 requests.
    await redis.set(`${prefix}aspen:device-http:device:${d.uuid}`, "600", "EX", 60);
    const r = await call(postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: 1 } })));
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe("rate_limited");
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await telemetryRows(d.uuid)).toHaveLength(0);
  });

  it("unknown paths answer 404 in the API's JSON error shape", async () => {
    const r = await call(unknownGet(req("/telemtry")));
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });
});

describe("isolation", () => {
  it("a device's writes land in its own tenant only", async () => {
    const d = await createTestDevice(w);
    await postTelemetry(req("/telemetry", { secret: d.secret, body: { temperature: 3 } }));
    const rows = await withSystem(db(), (tx) =>
      tx
        .select({ tenantId: schema.telemetry.tenantId })
        .from(schema.telemetry)
        .where(and(eq(schema.telemetry.deviceId, uuidOf(d.id)), sql`true`)),
    );
    expect(rows.map((r) => r.tenantId)).toEqual([w.tenant.id]);
  });
});

describe("ingest stream", () => {
  const entriesOf = async (deviceUuid: string) => {
    const raw = await redis.xrange(redisKeys(prefix).ingestStream, "-", "+");
    return raw
      .map(([, fields]) => ingestBatchSchema.parse(JSON.parse(fields[1]!)))
      .filter((b) => [...b.telemetry, ...b.events, ...b.commands].some((x) => x.deviceId === deviceUuid));
  };

  it("gets one entry per committed request (telemetry, event, command result), parsed by the core schema", async () => {
    const d = await createTestDevice(w);
    const ts = Date.now() - 5000;
    await call(
      postTelemetry(
        req("/telemetry", {
          secret: d.secret,
          body: [
            { ts, values: { temperature: 7 } },
            { ts: ts + 1, values: { temperature: 8 } },
          ],
        }),
      ),
    );
    const ev = await call(
      postEvent(req("/events/overheat", { secret: d.secret, body: { temp: 90 } }), { params: Promise.resolve({ event: "overheat" }) }),
    );
    expect(ev.status).toBe(201);
    const cmd = await callerAs(w.users.developer).command.send({ tenantSlug: w.slug, deviceId: d.id, method: "reboot", params: {} });
    await call(getCommands(req("/commands", { secret: d.secret })));
    expect((await call(respond(cmd.id, d.secret, { status: "failed", error: "no" }))).status).toBe(200);
    const batches = await entriesOf(d.uuid);
    expect(batches.map((b) => [b.source, b.telemetry.length, b.events.length, b.commands.length])).toEqual([
      ["http", 2, 0, 0],
      ["http", 0, 1, 0],
      ["http", 0, 0, 1],
    ]);
    expect(batches[0]!.telemetry.map((t) => [t.ts, t.values.temperature, t.tenantId])).toEqual([
      [ts, 7, w.tenant.id],
      [ts + 1, 8, w.tenant.id],
    ]);
    expect(batches[1]!.events[0]).toMatchObject({ event: "overheat", level: "warning", params: { temp: 90 } });
    expect(batches[2]!.commands[0]).toMatchObject({ commandId: parsePublicId("cmd", cmd.id)!, status: "failed" });
  });
});
