import { publicId } from "@aspen/core";
import { schema } from "@aspen/db";
import { randomSuffix } from "@aspen/db/testing";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "../../../env";
import { getSystemDb } from "../../db";
import { brokerKeys, utcDay } from "../../device-api/broker-keys";
import { getRedis } from "../../redis";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { makeKey, rest, thingModel } from "./testing";

ensureTestEnv();
// Webhook endpoints on loopback are refused unless allowed (development/test only); read once with the env.
process.env.WEBHOOK_ALLOW_LOOPBACK = "true";

let w: RoleWorld;
let full: string; // owner's key with every device/product scope
let productId: string;

beforeAll(async () => {
  w = await createRoleWorld();
  full = (
    await makeKey(w.users.owner, w.tenant.slug, ["products:read", "products:write", "devices:read", "devices:write", "devices:secrets"])
  ).secret;
  const p = await callerAs(w.users.owner).product.create({ tenantSlug: w.tenant.slug, name: `prod-${randomSuffix()}`, thingModel });
  productId = p.id;
});

describe("authentication", () => {
  it("refuses no token, a malformed header and an unknown key with 401 and the one error shape", async () => {
    for (const token of [undefined, "nonsense", `ak_${"x".repeat(43)}`]) {
      const r = await rest("GET", "/devices", token === "nonsense" ? { headers: { authorization: "Basic abc" } } : { token });
      expect(r.status).toBe(401);
      expect(Object.keys(r.body.error).sort()).toEqual(["code", "details", "message"]);
      expect(["unauthenticated", "invalid_token"]).toContain(r.body.error.code);
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("refuses a revoked key at once (401)", async () => {
    const k = await makeKey(w.users.owner, w.tenant.slug, ["devices:read"]);
    expect((await rest("GET", "/devices", { token: k.secret })).status).toBe(200);
    await callerAs(w.users.owner).apiKey.revoke({ tenantSlug: w.tenant.slug, id: k.apiKey.id });
    const r = await rest("GET", "/devices", { token: k.secret });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe("invalid_token");
  });

  it("refuses an expired key (401), also when its validation was cached", async () => {
    const k = await makeKey(w.users.owner, w.tenant.slug, ["devices:read"], new Date(Date.now() + 1500));
    expect((await rest("GET", "/devices", { token: k.secret })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1700));
    const r = await rest("GET", "/devices", { token: k.secret });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toContain("expired");
  });

  it("answers 403 insufficient_scope for a scope too narrow, naming the scope", async () => {
    const k = await makeKey(w.users.owner, w.tenant.slug, ["devices:read"]);
    const r = await rest("POST", "/devices", { token: k.secret, body: { name: `d-${randomSuffix()}`, productId } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("insufficient_scope");
    expect(r.body.error.details.required).toBe("devices:write");
  });

  it("intersects the key's scopes with its creator's current role (demoted creator → 403 forbidden)", async () => {
    const k = await makeKey(w.users.developer, w.tenant.slug, ["devices:read", "devices:write"]);
    await getSystemDb()
      .update(schema.memberships)
      .set({ role: "viewer" })
      .where(and(eq(schema.memberships.tenantId, w.tenant.id), eq(schema.memberships.userId, w.users.developer.id)));
    try {
      const r = await rest("POST", "/devices", { token: k.secret, body: { name: `d-${randomSuffix()}`, productId } });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe("forbidden");
      expect((await rest("GET", "/devices", { token: k.secret })).status).toBe(200);
    } finally {
      await getSystemDb()
        .update(schema.memberships)
        .set({ role: "developer" })
        .where(and(eq(schema.memberships.tenantId, w.tenant.id), eq(schema.memberships.userId, w.users.developer.id)));
    }
  });
});

describe("devices", () => {
  it("creates with 201, Location and the secret; the audit row names the key", async () => {
    const name = `d-${randomSuffix()}`;
    const r = await rest("POST", "/devices", { token: full, body: { name, productId, labels: { site: "berlin" } } });
    expect(r.status).toBe(201);
    expect(r.body.device.id).toMatch(/^dev_/);
    expect(r.headers.get("location")).toBe(`/api/v1/devices/${r.body.device.id}`);
    expect(typeof r.body.secret).toBe("string");
    expect(r.body.device.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const got = await rest("GET", `/devices/${r.body.device.id}`, { token: full });
    expect(got.status).toBe(200);
    expect(got.body.name).toBe(name);
    const audits = await getSystemDb()
      .select()
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.tenantId, w.tenant.id), eq(schema.auditLogs.targetId, r.body.device.id)));
    expect(audits.map((a) => a.action)).toContain("device.create");
    expect(audits[0]!.actorEmail).toMatch(/^apiKey:key-/);
  });

  it("updates labels, disables, enables, rotates the secret and deletes", async () => {
    const d = (await rest("POST", "/devices", { token: full, body: { name: `d-${randomSuffix()}`, productId } })).body.device;
    const up = await rest("PATCH", `/devices/${d.id}`, { token: full, body: { labels: { floor: "2" } } });
    expect(up.status).toBe(200);
    expect(up.body.labels).toEqual({ floor: "2" });
    expect((await rest("POST", `/devices/${d.id}/disable`, { token: full })).body.status).toBe("disabled");
    expect((await rest("POST", `/devices/${d.id}/enable`, { token: full })).body.enabled).toBe(true);
    const rot = await rest("POST", `/devices/${d.id}/rotate-secret`, { token: full });
    expect(rot.status).toBe(200);
    expect(rot.body.device.secretHint).not.toBe(d.secretHint);
    expect((await rest("DELETE", `/devices/${d.id}`, { token: full })).body).toEqual({ id: d.id, deleted: true });
    expect((await rest("GET", `/devices/${d.id}`, { token: full })).status).toBe(404);
  });

  it("pages with limit and starting_after: every device once, newest first", async () => {
    const mine = await makeKey(w.users.owner, w.tenant.slug, ["devices:read", "devices:write"]);
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push(
        (await rest("POST", "/devices", { token: mine.secret, body: { name: `page-${randomSuffix()}`, productId } })).body.device.id,
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const r: { status: number; body: any } = await rest(
        "GET",
        `/devices?limit=2&search=page-${cursor ? `&starting_after=${cursor}` : ""}`,
        { token: mine.secret },
      );
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.items.map((d: { id: string }) => d.id));
      cursor = r.body.nextCursor;
      if (!r.body.hasMore) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual([...made].reverse());
  });

  it("answers another tenant's device id exactly like a missing one (404)", async () => {
    const other = await makeKey(w.outsider, w.outsiderTenant.slug, ["devices:read", "devices:write"]);
    const d = (await rest("POST", "/devices", { token: full, body: { name: `d-${randomSuffix()}`, productId } })).body.device;
    const foreign = await rest("GET", `/devices/${d.id}`, { token: other.secret });
    const missing = await rest("GET", `/devices/${publicId("dev", randomUUID())}`, { token: other.secret });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await rest("POST", `/devices/${d.id}/disable`, { token: other.secret })).status).toBe(404);
    expect((await rest("DELETE", `/devices/${d.id}`, { token: other.secret })).status).toBe(404);
    const cursor = await rest("GET", `/devices?starting_after=${d.id}`, { token: other.secret });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe("invalid_cursor");
  });
});

describe("device data", () => {
  it("sends a command (201, Location), reads it back and lists it; another tenant sees 404 everywhere", async () => {
    const k = await makeKey(w.users.owner, w.tenant.slug, [
      "devices:read",
      "devices:write",
      "commands:read",
      "commands:write",
      "telemetry:read",
      "attributes:write",
    ]);
    const d = (await rest("POST", "/devices", { token: k.secret, body: { name: `d-${randomSuffix()}`, productId } })).body.device;
    const sent = await rest("POST", `/devices/${d.id}/commands`, { token: k.secret, body: { method: "reboot", timeoutMs: 5000 } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ method: "reboot", status: "queued", deviceId: d.id });
    expect(sent.headers.get("location")).toBe(`/api/v1/commands/${sent.body.id}`);
    expect((await rest("GET", `/commands/${sent.body.id}`, { token: k.secret })).body.id).toBe(sent.body.id);
    expect((await rest("GET", `/devices/${d.id}/commands`, { token: k.secret })).body.items.map((c: { id: string }) => c.id)).toEqual([
      sent.body.id,
    ]);
    const bad = await rest("POST", `/devices/${d.id}/commands`, { token: k.secret, body: { method: "selfDestruct" } });
    expect(bad.status).toBe(400);
    const desired = await rest("PATCH", `/devices/${d.id}/attributes/desired`, { token: k.secret, body: { desired: { target: 20 } } });
    expect(desired.status).toBe(200);
    expect(desired.body.desired).toEqual({ target: 20 });
    expect(
      (await rest("PATCH", `/devices/${d.id}/attributes/desired`, { token: k.secret, body: { desired: { temperature: 20 } } })).status,
    ).toBe(400);
    const latest = await rest("GET", `/devices/${d.id}/telemetry/latest`, { token: k.secret });
    expect(latest.body.values.map((v: { key: string }) => v.key)).toEqual(["temperature", "target"]);

    const other = (
      await makeKey(w.outsider, w.outsiderTenant.slug, [
        "devices:read",
        "commands:read",
        "commands:write",
        "telemetry:read",
        "attributes:write",
      ])
    ).secret;
    for (const [m, p, body] of [
      ["GET", `/commands/${sent.body.id}`],
      ["GET", `/devices/${d.id}/commands`],
      ["POST", `/devices/${d.id}/commands`, { method: "reboot" }],
      ["GET", `/devices/${d.id}/telemetry/latest`],
      ["GET", `/devices/${d.id}/telemetry/temperature/history?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`],
      ["GET", `/devices/${d.id}/attributes`],
      ["PATCH", `/devices/${d.id}/attributes/desired`, { desired: { target: 1 } }],
    ] as const) {
      const r = await rest(m, p, { token: other, body });
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
  });

  it("coerces documented numeric query parameters and refuses bad ones", async () => {
    const k = await makeKey(w.users.owner, w.tenant.slug, ["devices:read", "devices:write", "telemetry:read"]);
    const d = (await rest("POST", "/devices", { token: k.secret, body: { name: `d-${randomSuffix()}`, productId } })).body.device;
    const base = `/devices/${d.id}/telemetry/temperature/history?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`;
    const ok = await rest("GET", `${base}&bucketSeconds=3600`, { token: k.secret });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ key: "temperature", bucketSeconds: 3600, points: [] });
    expect((await rest("GET", `${base}&bucketSeconds=abc`, { token: k.secret })).status).toBe(400);
    expect((await rest("GET", `/devices/${d.id}/telemetry/temperature/history?from=yesterday&to=now`, { token: k.secret })).status).toBe(
      400,
    );
  });
});

describe("alert rules and webhooks", () => {
  it("create, read, page and delete through REST; another tenant gets 404; scopes are checked", async () => {
    const k = await makeKey(w.users.owner, w.tenant.slug, ["rules:read", "rules:write", "webhooks:read", "webhooks:write"]);
    const rule = {
      name: "Hot",
      severity: "major",
      trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }] },
    };
    const made = await rest("POST", "/alert-rules", { token: k.secret, body: { productId, rule } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.headers.get("location")).toBe(`/api/v1/alert-rules/${made.body.id}`);
    const second = await rest("POST", "/alert-rules", { token: k.secret, body: { productId, rule: { ...rule, name: "Hot 2" } } });
    const page1 = await rest("GET", "/alert-rules?limit=1", { token: k.secret });
    expect(page1.body.items.map((r: { id: string }) => r.id)).toEqual([second.body.id]);
    const page2 = await rest("GET", `/alert-rules?limit=1&starting_after=${page1.body.nextCursor}`, { token: k.secret });
    expect(page2.body.items.map((r: { id: string }) => r.id)).toEqual([made.body.id]);
    const hook = await rest("POST", "/webhooks", {
      token: k.secret,
      body: { url: "http://127.0.0.1:9/hook", eventTypes: ["alarm.created"] },
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    expect(hook.body.secret).toMatch(/^whsec_/);

    const other = (await makeKey(w.outsider, w.outsiderTenant.slug, ["rules:read", "rules:write", "webhooks:read", "webhooks:write"]))
      .secret;
    for (const [m, p] of [
      ["GET", `/alert-rules/${made.body.id}`],
      ["DELETE", `/alert-rules/${made.body.id}`],
      ["GET", `/webhooks/${hook.body.endpoint.id}`],
      ["DELETE", `/webhooks/${hook.body.endpoint.id}`],
    ] as const) {
      expect((await rest(m, p, { token: other })).status, `${m} ${p}`).toBe(404);
    }
    const readOnly = (await makeKey(w.users.owner, w.tenant.slug, ["rules:read"])).secret;
    expect((await rest("DELETE", `/alert-rules/${made.body.id}`, { token: readOnly })).status).toBe(403);
    expect((await rest("GET", "/webhooks", { token: readOnly })).status).toBe(403);
    expect((await rest("DELETE", `/alert-rules/${made.body.id}`, { token: k.secret })).status).toBe(200);
    expect((await rest("DELETE", `/webhooks/${hook.body.endpoint.id}`, { token: k.secret })).status).toBe(200);
  });
});

describe("bad input", () => {
  it("refuses unknown body fields and unknown query parameters (400 invalid_input with the path)", async () => {
    const r = await rest("POST", "/devices", { token: full, body: { name: `d-${randomSuffix()}`, productId, color: "red" } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_input");
    expect(r.body.error.details[0].in).toBe("body");
    const q = await rest("GET", "/devices?pageSize=5", { token: full });
    expect(q.status).toBe(400);
    expect(q.body.error.details[0].in).toBe("query");
    const lim = await rest("GET", "/devices?limit=1000", { token: full });
    expect(lim.status).toBe(400);
  });

  it("answers malformed JSON with 400 and its position", async () => {
    const r = await rest("POST", "/devices", { token: full, rawBody: '{"name": "x",\n "productId": }' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_json");
    expect(r.body.error.details).toMatchObject({ line: 2, column: 15 });
  });

  it("refuses a body over 1 MiB with 413 before parsing it", async () => {
    const big = `{"name":"${"x".repeat(1024 * 1024)}"}`;
    const r = await rest("POST", "/devices", { token: full, rawBody: big });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("payload_too_large");
    // Same without Content-Length (a stream): refused while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(100 * 1024).fill(32));
        c.close();
      },
    });
    const { handleApiRequest } = await import("./handler");
    const res = await handleApiRequest(
      new Request("http://localhost:3000/api/v1/devices", {
        method: "POST",
        headers: { authorization: `Bearer ${full}`, "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
  });

  it("refuses a non-JSON content type (415), unknown paths (404) and wrong methods (405 with Allow)", async () => {
    expect(
      (await rest("POST", "/devices", { token: full, rawBody: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }))
        .status,
    ).toBe(415);
    expect((await rest("GET", "/nope", { token: full })).status).toBe(404);
    const m = await rest("PUT", "/devices", { token: full });
    expect(m.status).toBe(405);
    expect(m.headers.get("allow")).toBe("GET, POST");
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body, 409 for another body", async () => {
    const key = `idem-${randomSuffix()}`;
    const body = { name: `idem-${randomSuffix()}`, productId };
    const first = await rest("POST", "/devices", { token: full, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    const again = await rest("POST", "/devices", { token: full, body, headers: { "idempotency-key": key } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    const other = await rest("POST", "/devices", {
      token: full,
      body: { ...body, name: `x-${randomSuffix()}` },
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_key_reused");
    // Only one device was made.
    const rows = await getSystemDb()
      .select()
      .from(schema.devices)
      .where(and(eq(schema.devices.tenantId, w.tenant.id), eq(schema.devices.name, body.name)));
    expect(rows).toHaveLength(1);
  });
});

describe("rate limit and usage", () => {
  it("answers the 601st call in a minute with 429, Retry-After and RateLimit headers", async () => {
    // A key with no device scope: each call is counted and then refused by scope (no database work).
    const k = await makeKey(w.users.owner, w.tenant.slug, ["tenant:read"]);
    let last = await rest("GET", "/devices", { token: k.secret });
    expect(last.status).toBe(403);
    expect(last.headers.get("ratelimit-limit")).toBe("600");
    expect(last.headers.get("ratelimit-remaining")).toBe("599");
    for (let i = 1; i < 600; i++) last = await rest("GET", "/devices", { token: k.secret });
    expect(last.status).toBe(403);
    expect(last.headers.get("ratelimit-remaining")).toBe("0");
    const limited = await rest("GET", "/devices", { token: k.secret });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBe(retry);
  });

  it("counts every call per tenant per day", async () => {
    const key = brokerKeys(getEnv().REDIS_PREFIX).usage(w.tenant.id, utcDay(Date.now()));
    const before = Number((await getRedis().hget(key, "api_calls")) ?? 0);
    await rest("GET", "/devices", { token: full });
    await rest("GET", "/products", { token: full });
    await new Promise((r) => setTimeout(r, 50));
    expect(Number(await getRedis().hget(key, "api_calls"))).toBe(before + 2);
  });
});
