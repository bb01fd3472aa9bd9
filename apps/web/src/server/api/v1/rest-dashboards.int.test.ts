import { parsePublicId, publicId } from "@aspen/core";
import { schema, withSystem } from "@aspen/db";
import { insertTelemetryRows } from "@aspen/db/broker";
import { randomSuffix } from "@aspen/db/testing";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { callerAs, codeOf, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { makeKey, rest, thingModel } from "./testing";

ensureTestEnv();

let w: RoleWorld;
let deviceId: string;
let outsiderDeviceId: string;
/** The owner's key that reads and edits dashboards; the developer's; the other tenant's owner's. */
let key: string;
let devKey: string;
let outsider: string;

const layoutFor = (dev: string) => ({
  widgets: [
    { id: "temp", kind: "value", x: 0, y: 0, w: 4, h: 2, deviceId: dev, key: "temperature" },
    { id: "chart", kind: "chart", x: 4, y: 0, w: 8, h: 4, series: [{ deviceId: dev, key: "temperature" }] },
    { id: "cmd", kind: "command", x: 0, y: 2, w: 4, h: 2, deviceId: dev, method: "reboot" },
  ],
});

beforeAll(async () => {
  w = await createRoleWorld();
  const owner = callerAs(w.users.owner);
  const productId = (await owner.product.create({ tenantSlug: w.tenant.slug, name: `p-${randomSuffix()}`, thingModel })).id;
  deviceId = (await owner.device.create({ tenantSlug: w.tenant.slug, name: `d-${randomSuffix()}`, productId })).device.id;
  const them = callerAs(w.outsider);
  const theirProduct = (await them.product.create({ tenantSlug: w.outsiderTenant.slug, name: `p-${randomSuffix()}`, thingModel })).id;
  outsiderDeviceId = (await them.device.create({ tenantSlug: w.outsiderTenant.slug, name: `d-${randomSuffix()}`, productId: theirProduct }))
    .device.id;
  await withSystem(getSystemDb(), (tx) =>
    insertTelemetryRows(tx, [
      {
        tenantId: w.tenant.id,
        deviceId: parsePublicId("dev", deviceId) ?? "",
        key: "temperature",
        ts: Date.now() - 60_000,
        valueNum: 21.5,
        valueBool: null,
        valueStr: null,
      },
    ]),
  );
  key = (await makeKey(w.users.owner, w.tenant.slug, ["dashboards:read", "dashboards:write"])).secret;
  devKey = (await makeKey(w.users.developer, w.tenant.slug, ["dashboards:read", "dashboards:write"])).secret;
  outsider = (await makeKey(w.outsider, w.outsiderTenant.slug, ["dashboards:read", "dashboards:write"])).secret;
});

describe("dashboards over REST", () => {
  it("creates, lists, gets, shows and deletes a dashboard, as the console's services do", async () => {
    const made = await rest("POST", "/dashboards", { token: key, body: { name: "Plant", layout: layoutFor(deviceId) } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ name: "Plant", version: 1 });
    expect(made.headers.get("location")).toBe(`/api/v1/dashboards/${made.body.id}`);
    // The console sees what REST made: one service behind both.
    expect((await callerAs(w.users.viewer).dashboard.byId({ tenantSlug: w.tenant.slug, id: made.body.id })).name).toBe("Plant");

    const listed = await rest("GET", "/dashboards?search=plan", { token: key });
    expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(made.body.id);
    expect((await rest("GET", "/dashboards?search=no-such-name", { token: key })).body.items).toEqual([]);

    const got = await rest("GET", `/dashboards/${made.body.id}`, { token: key });
    expect(got.body.layout.widgets.map((x: { id: string }) => x.id)).toEqual(["temp", "chart", "cmd"]);

    const data = await rest("GET", `/dashboards/${made.body.id}/data?timeZone=Europe/Berlin`, { token: key });
    expect(data.status, JSON.stringify(data.body)).toBe(200);
    const byId = Object.fromEntries(data.body.widgets.map((x: { id: string }) => [x.id, x]));
    expect(byId.temp).toMatchObject({ kind: "value", error: null, device: { id: deviceId } });
    expect(byId.chart.history.series[0].points.map((p: { avg: number }) => p.avg)).toEqual([21.5]);
    expect(byId.cmd).toMatchObject({ kind: "command", command: { identifier: "reboot" } });
    expect((await rest("GET", `/dashboards/${made.body.id}/data?timeZone=Mars/Olympus`, { token: key })).body.error.code).toBe(
      "invalid_input",
    );

    expect((await rest("DELETE", `/dashboards/${made.body.id}`, { token: key })).body).toEqual({ ok: true });
    expect((await rest("GET", `/dashboards/${made.body.id}`, { token: key })).status).toBe(404);

    // Every change is audited with the key (not a console session) as the actor.
    const audits = await getSystemDb()
      .select()
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.tenantId, w.tenant.id), eq(schema.auditLogs.targetId, made.body.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(["dashboard.create", "dashboard.delete"]);
    expect(audits.every((a) => a.actorEmail?.startsWith("apiKey:key-") && a.actorUserId === w.users.owner.id)).toBe(true);
  });

  it("replays a create with the same Idempotency-Key instead of making a second dashboard", async () => {
    const headers = { "idempotency-key": `idem-${randomSuffix()}` };
    const body = { name: `Once ${randomSuffix()}` };
    const first = await rest("POST", "/dashboards", { token: key, body, headers });
    expect(first.status).toBe(201);
    const again = await rest("POST", "/dashboards", { token: key, body, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    const named = await rest("GET", `/dashboards?search=${encodeURIComponent(body.name)}`, { token: key });
    expect(named.body.items).toHaveLength(1);
    expect((await rest("POST", "/dashboards", { token: key, body: { name: "Other" }, headers })).status).toBe(409);
  });

  it("pages the list by name with limit and starting_after, filtered by search", async () => {
    const tag = `Page-${randomSuffix()}`;
    const ids: string[] = [];
    for (const n of ["c", "a", "b"]) ids.push((await rest("POST", "/dashboards", { token: key, body: { name: `${tag} ${n}` } })).body.id);
    const first = await rest("GET", `/dashboards?search=${tag.toLowerCase()}&limit=2`, { token: key });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items.map((d: { name: string }) => d.name)).toEqual([`${tag} a`, `${tag} b`]);
    expect(first.body).toMatchObject({ hasMore: true, nextCursor: ids[2] });
    const rest2 = await rest("GET", `/dashboards?search=${tag}&limit=2&starting_after=${first.body.nextCursor}`, { token: key });
    expect(rest2.body).toEqual({ items: [expect.objectContaining({ id: ids[0], name: `${tag} c` })], hasMore: false, nextCursor: null });

    const theirs = await rest("POST", "/dashboards", { token: outsider, body: { name: `${tag} theirs` } });
    const foreignCursor = await rest("GET", `/dashboards?starting_after=${theirs.body.id}`, { token: key });
    expect(foreignCursor.status).toBe(400);
    expect(foreignCursor.body.error.code).toBe("invalid_cursor");
  });

  it("refuses a save made on a stale version (409 dashboard_changed) and keeps the newer save", async () => {
    const made = await rest("POST", "/dashboards", { token: key, body: { name: "Versions" } });
    expect(made.body.layout).toEqual({ widgets: [] });
    const first = await rest("PATCH", `/dashboards/${made.body.id}`, {
      token: devKey,
      body: { version: made.body.version, layout: layoutFor(deviceId) },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.version).toBe(2);

    const stale = await rest("PATCH", `/dashboards/${made.body.id}`, { token: key, body: { version: made.body.version, name: "Stale" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "dashboard_changed", details: null });
    expect(stale.body.error.message).toMatch(/version 2/);

    const now = await rest("GET", `/dashboards/${made.body.id}`, { token: key });
    expect(now.body).toMatchObject({ name: "Versions", version: 2 });
    expect(now.body.layout.widgets).toHaveLength(3);

    const redone = await rest("PATCH", `/dashboards/${made.body.id}`, { token: key, body: { version: 2, name: "Renamed" } });
    expect(redone.body).toMatchObject({ name: "Renamed", version: 3 });
  });

  it("refuses unknown fields, empty changes, widgets past the grid and other tenants' devices", async () => {
    const made = await rest("POST", "/dashboards", { token: key, body: { name: "Strict" } });
    const unknown = await rest("PATCH", `/dashboards/${made.body.id}`, { token: key, body: { version: 1, name: "x", colour: "red" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("invalid_input");
    const nothing = await rest("PATCH", `/dashboards/${made.body.id}`, { token: key, body: { version: 1 } });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.message).toMatch(/Nothing to change/);
    expect((await rest("POST", "/dashboards", { token: key, body: { name: "X", id: "dsh_x" } })).status).toBe(400);

    const tooWide = { widgets: [{ id: "a", kind: "status", x: 10, y: 0, w: 4, h: 2 }] };
    const wide = await rest("POST", "/dashboards", { token: key, body: { name: "X", layout: tooWide } });
    expect(wide.status).toBe(400);
    expect(wide.body.error.message).toMatch(/reaches past column 12/);
    const twice = { widgets: [0, 1].map((x) => ({ id: "a", kind: "status", x: x * 4, y: 0, w: 4, h: 2 })) };
    expect((await rest("POST", "/dashboards", { token: key, body: { name: "X", layout: twice } })).status).toBe(400);
    const foreign = await rest("POST", "/dashboards", { token: key, body: { name: "X", layout: layoutFor(outsiderDeviceId) } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe("unknown_device");
    expect(foreign.body.error.details.map((d: { path: string }) => d.path)).toEqual([0, 1, 2].map((i) => `layout.widgets[${i}]`));
  });

  it("answers another tenant's dashboard exactly like a missing one (404) and never lists it", async () => {
    const made = await rest("POST", "/dashboards", { token: key, body: { name: "Private", layout: layoutFor(deviceId) } });
    const missing = publicId("dsh", randomUUID());
    for (const [method, suffix, body] of [
      ["GET", "", undefined],
      ["GET", "/data", undefined],
      ["PATCH", "", { version: 1, name: "Mine now" }],
      ["DELETE", "", undefined],
      ["GET", "/shares", undefined],
      ["POST", "/shares", undefined],
    ] as const) {
      const theirs = await rest(method, `/dashboards/${made.body.id}${suffix}`, { token: outsider, body });
      expect(theirs.status, `${method} ${suffix}`).toBe(404);
      expect(theirs.body).toEqual((await rest(method, `/dashboards/${missing}${suffix}`, { token: outsider, body })).body);
    }
    const listed = await rest("GET", "/dashboards", { token: outsider });
    expect(listed.body.items.map((d: { id: string }) => d.id)).not.toContain(made.body.id);
    expect((await rest("GET", `/dashboards/${made.body.id}`, { token: key })).body).toMatchObject({ name: "Private", version: 1 });
  });

  it("lets a read-only key read but not change dashboards (403 insufficient_scope)", async () => {
    const readKey = (await makeKey(w.users.developer, w.tenant.slug, ["dashboards:read"])).secret;
    const made = await rest("POST", "/dashboards", { token: key, body: { name: "Seen" } });
    expect((await rest("GET", `/dashboards/${made.body.id}`, { token: readKey })).status).toBe(200);
    expect((await rest("GET", `/dashboards/${made.body.id}/data`, { token: readKey })).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", "/dashboards", { name: "No" }],
      ["PATCH", `/dashboards/${made.body.id}`, { version: 1, name: "No" }],
      ["DELETE", `/dashboards/${made.body.id}`, undefined],
      ["POST", `/dashboards/${made.body.id}/shares`, undefined],
    ] as const) {
      const denied = await rest(method, path, { token: readKey, body });
      expect(denied.status, `${method} ${path}`).toBe(403);
      expect(denied.body.error).toMatchObject({ code: "insufficient_scope", details: { required: "dashboards:write" } });
    }
    expect((await rest("GET", `/dashboards/${made.body.id}`, { token: key })).body).toMatchObject({ name: "Seen", version: 1 });
  });
});

describe("share links over REST", () => {
  it("creates a link whose token is shown once, lists it by hint, and revokes it at once", async () => {
    const d = await rest("POST", "/dashboards", { token: key, body: { name: "Shared", layout: layoutFor(deviceId) } });
    const made = await rest("POST", `/dashboards/${d.body.id}/shares`, { token: key });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { share, token } = made.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(share).toMatchObject({ dashboardId: d.body.id, revokedAt: null });
    expect(made.headers.get("location")).toBe(`/api/v1/dashboards/${d.body.id}/shares`);
    const audited = await getSystemDb()
      .select()
      .from(schema.auditLogs)
      .where(
        and(
          eq(schema.auditLogs.tenantId, w.tenant.id),
          eq(schema.auditLogs.action, "dashboard.share"),
          eq(schema.auditLogs.targetId, d.body.id),
        ),
      );
    expect(audited.map((a) => a.actorEmail)).toEqual([expect.stringMatching(/^apiKey:key-/)]);
    const anon = callerAs(null);
    expect((await anon.dashboardShare.view({ token })).name).toBe("Shared");

    const listed = await rest("GET", `/dashboards/${d.body.id}/shares`, { token: key });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([share.id]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body.items[0].tokenHint).toBe(share.tokenHint);

    // Another tenant cannot revoke it: 404 like a missing link, and the link still works.
    const theirs = await rest("POST", `/dashboard-shares/${share.id}/revoke`, { token: outsider });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(
      (await rest("POST", `/dashboard-shares/${publicId("shr", randomUUID())}/revoke`, { token: outsider })).body,
    );
    expect(await codeOf(anon.dashboardShare.view({ token }))).toBe("OK");

    expect((await rest("POST", `/dashboard-shares/${share.id}/revoke`, { token: key })).body).toEqual({ ok: true });
    const revoked = await getSystemDb()
      .select()
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.tenantId, w.tenant.id), eq(schema.auditLogs.targetId, share.id)));
    expect(revoked.map((a) => [a.action, a.actorEmail?.startsWith("apiKey:")])).toEqual([["dashboard.unshare", true]]);
    expect(await codeOf(anon.dashboardShare.view({ token }))).toBe("NOT_FOUND");
    const after = await rest("GET", `/dashboards/${d.body.id}/shares`, { token: key });
    expect(after.body.items[0].revokedAt).not.toBeNull();
    expect((await rest("POST", `/dashboard-shares/${share.id}/revoke`, { token: key })).status).toBe(404);
  });

  it("needs the write scope even to list links (sharing is editing)", async () => {
    const readOnly = (await makeKey(w.users.owner, w.tenant.slug, ["dashboards:read"])).secret;
    const d = await rest("POST", "/dashboards", { token: key, body: { name: "Links" } });
    const r = await rest("GET", `/dashboards/${d.body.id}/shares`, { token: readOnly });
    expect(r.status).toBe(403);
    expect(r.body.error.details).toMatchObject({ required: "dashboards:write" });
  });
});
