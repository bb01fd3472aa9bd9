import { publicId, type AlertRuleSpecInput } from "@aspen/core";
import { schema } from "@aspen/db";
import { randomSuffix } from "@aspen/db/testing";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { oauthTestApp } from "../../oauth/test/client";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { makeKey, raiseTestAlarm, rest, thingModel } from "./testing";

ensureTestEnv();

let w: RoleWorld;
let productId: string;
let deviceA: string;
let deviceB: string;
/** The owner's key that reads and manages alarms. */
let key: string;

const hot: AlertRuleSpecInput = {
  name: "Hot",
  severity: "major",
  trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }] },
};

async function newRule() {
  return (await callerAs(w.users.owner).alertRule.create({ tenantSlug: w.tenant.slug, productId, rule: hot })).id;
}
async function newAlarm(opts: { deviceId?: string; severity?: "critical" | "major" | "minor" | "warning" | "info"; at?: Date } = {}) {
  return raiseTestAlarm(w.tenant.id, { ruleId: await newRule(), deviceId: opts.deviceId ?? deviceA, productId }, opts);
}
async function setRole(userId: string, role: "developer" | "viewer") {
  await getSystemDb()
    .update(schema.memberships)
    .set({ role })
    .where(and(eq(schema.memberships.tenantId, w.tenant.id), eq(schema.memberships.userId, userId)));
}
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((a) => a.id);

beforeAll(async () => {
  w = await createRoleWorld();
  const owner = callerAs(w.users.owner);
  productId = (await owner.product.create({ tenantSlug: w.tenant.slug, name: `p-${randomSuffix()}`, thingModel })).id;
  deviceA = (await owner.device.create({ tenantSlug: w.tenant.slug, name: `a-${randomSuffix()}`, productId })).device.id;
  deviceB = (await owner.device.create({ tenantSlug: w.tenant.slug, name: `b-${randomSuffix()}`, productId })).device.id;
  key = (await makeKey(w.users.owner, w.tenant.slug, ["alarms:read", "alarms:write"])).secret;
});

describe("listing alarms", () => {
  it("filters by severity (several), status, device, product and time, newest first", async () => {
    const t0 = Date.now() - 3600_000;
    const critical = await newAlarm({ severity: "critical", at: new Date(t0) });
    const minorB = await newAlarm({ severity: "minor", deviceId: deviceB, at: new Date(t0 + 60_000) });
    const info = await newAlarm({ severity: "info", at: new Date(t0 + 120_000) });
    expect((await rest("POST", `/alarms/${info}/acknowledge`, { token: key })).status).toBe(200);

    const all = await rest("GET", "/alarms?limit=100", { token: key });
    expect(all.status).toBe(200);
    expect(ids(all).slice(0, 3)).toEqual([info, minorB, critical]);

    const two = await rest("GET", "/alarms?limit=100&severity=critical&severity=minor", { token: key });
    expect(ids(two).sort()).toEqual([critical, minorB].sort());
    const acked = await rest("GET", "/alarms?limit=100&status=acknowledged", { token: key });
    expect(ids(acked)).toEqual([info]);
    expect(acked.body.items[0]).toMatchObject({ status: "acknowledged", severity: "info", productId, deviceId: deviceA });
    const active = await rest("GET", "/alarms?limit=100&status=active&severity=info", { token: key });
    expect(ids(active)).toEqual([]);
    expect(ids(await rest("GET", `/alarms?limit=100&deviceId=${deviceB}`, { token: key }))).toEqual([minorB]);
    expect(ids(await rest("GET", `/alarms?limit=100&productId=${productId}`, { token: key }))).toEqual(expect.arrayContaining([critical]));
    const window = `from=${new Date(t0 - 1000).toISOString()}&to=${new Date(t0 + 90_000).toISOString()}`;
    // `from`: last seen at or after; `to`: first seen at or before.
    expect(ids(await rest("GET", `/alarms?limit=100&${window}`, { token: key })).sort()).toEqual([critical, minorB].sort());

    expect((await rest("GET", "/alarms?severity=fatal", { token: key })).status).toBe(400);
    expect((await rest("GET", "/alarms?deviceId=prd_1", { token: key })).body.error.details[0]).toMatchObject({
      in: "query",
      path: "deviceId",
    });
    expect((await rest("GET", "/alarms?from=yesterday", { token: key })).status).toBe(400);
  });

  it("pages with limit and starting_after: every alarm once, in order", async () => {
    const device = (await callerAs(w.users.owner).device.create({ tenantSlug: w.tenant.slug, name: `pg-${randomSuffix()}`, productId }))
      .device.id;
    const made: string[] = [];
    const base = Date.now() - 600_000;
    for (let i = 0; i < 5; i++) made.push(await newAlarm({ deviceId: device, at: new Date(base + i * 1000) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const r: { status: number; body: any } = await rest(
        "GET",
        `/alarms?limit=2&deviceId=${device}${cursor ? `&starting_after=${cursor}` : ""}`,
        { token: key },
      );
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(r));
      cursor = r.body.nextCursor;
      if (!r.body.hasMore) break;
    }
    expect(seen).toEqual([...made].reverse());
    expect(cursor).toBeNull();
  });
});

describe("the open-alarm summary", () => {
  it("counts open alarms by severity in the token's tenant only; a literal path wins over /alarms/{id}", async () => {
    const before = await rest("GET", "/alarms/summary", { token: key });
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    const id = await newAlarm({ severity: "warning" });
    const raised = (await rest("GET", "/alarms/summary", { token: key })).body;
    expect(raised.total).toBe(before.body.total + 1);
    expect(raised.bySeverity.warning).toBe(before.body.bySeverity.warning + 1);
    await rest("POST", `/alarms/${id}/acknowledge`, { token: key });
    expect((await rest("GET", "/alarms/summary", { token: key })).body.total).toBe(raised.total);
    await rest("POST", `/alarms/${id}/clear`, { token: key });
    expect((await rest("GET", "/alarms/summary", { token: key })).body).toEqual(before.body);

    const other = (await makeKey(w.outsider, w.outsiderTenant.slug, ["alarms:read"])).secret;
    await newAlarm({ severity: "critical" });
    expect((await rest("GET", "/alarms/summary", { token: other })).body).toEqual({
      total: 0,
      bySeverity: { critical: 0, major: 0, minor: 0, warning: 0, info: 0 },
    });
    const wrong = await rest("POST", "/alarms/summary", { token: key });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });
});

describe("one alarm", () => {
  it("acknowledges with a comment, clears, and shows both in the timeline with the key's creator", async () => {
    const id = await newAlarm();
    const got = await rest("GET", `/alarms/${id}`, { token: key });
    expect(got.status).toBe(200);
    expect(got.body.alarm).toMatchObject({ id, status: "active", severity: "major", deviceId: deviceA, count: 1 });
    expect(got.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created"]);

    const ack = await rest("POST", `/alarms/${id}/acknowledge`, { token: key, body: { comment: "on my way" } });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      id,
      status: "acknowledged",
      ackComment: "on my way",
      acknowledgedBy: publicId("usr", w.users.owner.id),
    });
    expect(ack.headers.get("location")).toBeNull();
    const again = await rest("POST", `/alarms/${id}/acknowledge`, { token: key });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("alarm_not_active");

    const cleared = await rest("POST", `/alarms/${id}/clear`, { token: key, body: { comment: "fixed the fan" } });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ status: "cleared", clearReason: "manual", clearedBy: publicId("usr", w.users.owner.id) });
    const twice = await rest("POST", `/alarms/${id}/clear`, { token: key });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("alarm_cleared");

    const timeline = (await rest("GET", `/alarms/${id}`, { token: key })).body.timeline;
    expect(timeline.map((e: { kind: string; comment: string | null }) => [e.kind, e.comment])).toEqual([
      ["created", null],
      ["acknowledged", "on my way"],
      ["cleared", "fixed the fan"],
    ]);
    const audits = await getSystemDb()
      .select()
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.tenantId, w.tenant.id), eq(schema.auditLogs.targetId, id)));
    expect(audits.map((a) => a.action).sort()).toEqual(["alarm.acknowledge", "alarm.clear"]);
    expect(audits.every((a) => a.actorEmail?.startsWith("apiKey:"))).toBe(true);
  });

  it("clears an active alarm with no body, and refuses unknown or oversized fields", async () => {
    const id = await newAlarm();
    expect((await rest("POST", `/alarms/${id}/acknowledge`, { token: key, body: { comment: "x", note: "y" } })).status).toBe(400);
    const long = await rest("POST", `/alarms/${id}/acknowledge`, { token: key, body: { comment: "x".repeat(1001) } });
    expect(long.status).toBe(400);
    expect(long.body.error.details[0]).toMatchObject({ in: "body", path: "comment" });
    expect((await rest("POST", `/alarms/${id}/clear`, { token: key })).body.status).toBe("cleared");
    expect((await rest("GET", "/alarms/dev_1", { token: key })).status).toBe(400);
  });
});

describe("tenants, scopes and roles", () => {
  it("answers another tenant's alarm like a missing one (404) on every operation, and never lists it", async () => {
    const id = await newAlarm();
    const other = (await makeKey(w.outsider, w.outsiderTenant.slug, ["alarms:read", "alarms:write"])).secret;
    const missing = publicId("alm", randomUUID());
    for (const [m, p] of [
      ["GET", `/alarms/{}`],
      ["POST", `/alarms/{}/acknowledge`],
      ["POST", `/alarms/{}/clear`],
    ] as const) {
      const foreign = await rest(m, p.replace("{}", id), { token: other });
      expect(foreign.status, `${m} ${p}`).toBe(404);
      expect(foreign.body).toEqual((await rest(m, p.replace("{}", missing), { token: other })).body);
    }
    const list = await rest("GET", `/alarms?limit=100&deviceId=${deviceA}`, { token: other });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    expect((await rest("GET", "/alarms?limit=100", { token: other })).body.items).toEqual([]);
    const cursor = await rest("GET", `/alarms?starting_after=${id}`, { token: other });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe("invalid_cursor");
    // Still active: nothing of the above touched it.
    expect((await rest("GET", `/alarms/${id}`, { token: key })).body.alarm.status).toBe("active");
  });

  it("needs alarms:read to read and alarms:write to act (403 insufficient_scope)", async () => {
    const id = await newAlarm();
    const readOnly = (await makeKey(w.users.owner, w.tenant.slug, ["alarms:read"])).secret;
    expect((await rest("GET", `/alarms/${id}`, { token: readOnly })).status).toBe(200);
    for (const p of [`/alarms/${id}/acknowledge`, `/alarms/${id}/clear`]) {
      const r = await rest("POST", p, { token: readOnly });
      expect(r.status, p).toBe(403);
      expect(r.body.error).toMatchObject({ code: "insufficient_scope", details: { required: "alarms:write" } });
    }
    const devicesOnly = (await makeKey(w.users.owner, w.tenant.slug, ["devices:read", "rules:read"])).secret;
    for (const p of ["/alarms", `/alarms/${id}`]) {
      const r = await rest("GET", p, { token: devicesOnly });
      expect(r.status, p).toBe(403);
      expect(r.body.error.details.required).toBe("alarms:read");
    }
  });

  it("intersects a key's scopes with its creator's current role (developer demoted to viewer → 403 forbidden)", async () => {
    const id = await newAlarm();
    const dev = (await makeKey(w.users.developer, w.tenant.slug, ["alarms:read", "alarms:write"])).secret;
    await setRole(w.users.developer.id, "viewer");
    try {
      const r = await rest("POST", `/alarms/${id}/acknowledge`, { token: dev });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe("forbidden");
      expect((await rest("GET", `/alarms/${id}`, { token: dev })).status).toBe(200);
    } finally {
      await setRole(w.users.developer.id, "developer");
    }
  });

  it("OAuth tokens: scopes ∩ the granting user's role; the app's own token acts as the admin who registered it", async () => {
    const app = await oauthTestApp({
      admin: w.users.admin,
      tenantSlug: w.tenant.slug,
      tenantId: w.tenant.id,
      scopes: ["alarms:read", "alarms:write"],
    });
    const id = await newAlarm();
    const reader = await app.userToken(w.users.developer, ["alarms:read"]);
    expect(ids(await rest("GET", `/alarms?limit=100&deviceId=${deviceA}`, { token: reader }))).toContain(id);
    expect((await rest("POST", `/alarms/${id}/acknowledge`, { token: reader })).body.error.code).toBe("insufficient_scope");

    const writer = await app.userToken(w.users.developer, ["alarms:read", "alarms:write"]);
    const ack = await rest("POST", `/alarms/${id}/acknowledge`, { token: writer, body: { comment: "via app" } });
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedBy).toBe(publicId("usr", w.users.developer.id));

    const demoted = await app.userToken(w.users.developer, ["alarms:read", "alarms:write"]);
    await setRole(w.users.developer.id, "viewer");
    try {
      // A grant's scopes are narrowed to what the user's role covers now: alarms:write is gone.
      const r = await rest("POST", `/alarms/${id}/clear`, { token: demoted });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe("insufficient_scope");
      expect(r.body.error.details.granted).toEqual(["alarms:read"]);
    } finally {
      await setRole(w.users.developer.id, "developer");
    }

    const own = await app.appToken(["alarms:read", "alarms:write"]);
    const cleared = await rest("POST", `/alarms/${id}/clear`, { token: own });
    expect(cleared.status).toBe(200);
    expect(cleared.body.clearedBy).toBe(publicId("usr", w.users.admin.id));
    const foreign = await oauthTestApp({
      admin: w.outsider,
      tenantSlug: w.outsiderTenant.slug,
      tenantId: w.outsiderTenant.id,
      scopes: ["alarms:read", "alarms:write"],
    });
    const outsider = await foreign.appToken(["alarms:read", "alarms:write"]);
    expect((await rest("GET", `/alarms/${id}`, { token: outsider })).status).toBe(404);
    expect((await rest("POST", `/alarms/${await newAlarm()}/acknowledge`, { token: outsider })).status).toBe(404);
  });

  it("rate-limits the alarm routes like the others (RateLimit headers on answers and refusals)", async () => {
    const k = (await makeKey(w.users.owner, w.tenant.slug, ["alarms:read"])).secret;
    const first = await rest("GET", "/alarms?limit=1", { token: k });
    const second = await rest("POST", `/alarms/${publicId("alm", randomUUID())}/clear`, { token: k });
    expect(first.headers.get("ratelimit-limit")).toBe("600");
    expect(first.headers.get("ratelimit-remaining")).toBe("599");
    expect(second.status).toBe(403);
    expect(second.headers.get("ratelimit-remaining")).toBe("598");
    expect(Number(second.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
  });
});

describe("switching the rules that raise them", () => {
  it("disables and enables an alert rule; another tenant gets 404, rules:read gets 403", async () => {
    const rules = (await makeKey(w.users.owner, w.tenant.slug, ["rules:read", "rules:write"])).secret;
    const id = await newRule();
    const off = await rest("POST", `/alert-rules/${id}/disable`, { token: rules });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id, enabled: false });
    expect((await rest("GET", `/alert-rules/${id}`, { token: rules })).body.enabled).toBe(false);
    expect((await rest("POST", `/alert-rules/${id}/enable`, { token: rules })).body.enabled).toBe(true);

    const other = (await makeKey(w.outsider, w.outsiderTenant.slug, ["rules:read", "rules:write"])).secret;
    for (const p of [`/alert-rules/${id}/disable`, `/alert-rules/${id}/enable`]) {
      const r = await rest("POST", p, { token: other });
      expect(r.status, p).toBe(404);
      expect(r.body).toEqual((await rest("POST", p.replace(id, publicId("rul", randomUUID())), { token: other })).body);
    }
    const readOnly = (await makeKey(w.users.owner, w.tenant.slug, ["rules:read"])).secret;
    expect((await rest("POST", `/alert-rules/${id}/disable`, { token: readOnly })).body.error.code).toBe("insufficient_scope");
    expect((await rest("GET", `/alert-rules/${id}`, { token: rules })).body.enabled).toBe(true);
  });
});
