import { createAspenClient } from "@aspen/api-client";
import { randomSuffix } from "@aspen/db/testing";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { handleApiRequest } from "./handler";
import { buildOpenApiDocument } from "./openapi";
import { operations } from "./operations";
import { makeKey, notifyTest, raiseTestAlarm, thingModel } from "./testing";

ensureTestEnv();

const here = path.dirname(fileURLToPath(import.meta.url));

/** The value, or a failed test saying what was missing. */
function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`no ${what}`);
  return value;
}

let w: RoleWorld;
let aspen: ReturnType<typeof createAspenClient>;
beforeAll(async () => {
  w = await createRoleWorld();
  const key = await makeKey(w.users.owner, w.tenant.slug, ["products:read", "products:write", "devices:read", "devices:write"]);
  aspen = createAspenClient({ baseUrl: "http://localhost:3000", token: key.secret, fetch: (req: Request) => handleApiRequest(req) });
});

describe("@aspen/api-client", () => {
  it("is generated from the document the server serves", () => {
    const committed = JSON.parse(readFileSync(path.resolve(here, "../../../../../../packages/api-client/openapi.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(operations, { serverUrl: "http://localhost:3000" }))));
  });

  it("creates a product and a device, lists and reads them, typed end to end", async () => {
    const product = await aspen.POST("/products", { body: { name: `p-${randomSuffix()}`, thingModel } });
    expect(product.response.status).toBe(201);
    const productId = product.data!.id;
    const created = await aspen.POST("/devices", {
      body: { name: `d-${randomSuffix()}`, productId },
      headers: { "Idempotency-Key": `k-${randomSuffix()}` },
    });
    expect(created.data!.secret.length).toBeGreaterThan(20);
    const list = await aspen.GET("/devices", { params: { query: { limit: 10, productId } } });
    expect(list.data!.items.map((d) => d.id)).toEqual([created.data!.device.id]);
    const one = await aspen.GET("/devices/{id}", { params: { path: { id: created.data!.device.id } } });
    expect(one.data!.productId).toBe(productId);
    const missing = await aspen.GET("/products/{id}", { params: { path: { id: "prd_1111111111111111111111" } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error!.error.code).toBe("not_found");
  });

  it("surfaces a scope error as the typed error body", async () => {
    const narrow = await makeKey(w.users.owner, w.tenant.slug, ["devices:read"]);
    const c = createAspenClient({ baseUrl: "http://localhost:3000", token: narrow.secret, fetch: (req: Request) => handleApiRequest(req) });
    const r = await c.GET("/products", {});
    expect(r.response.status).toBe(403);
    expect(r.error!.error.code).toBe("insufficient_scope");
    // the console made the product list visible to the owner, not to this key
    expect((await callerAs(w.users.owner).product.list({ tenantSlug: w.tenant.slug, page: 1, pageSize: 5 })).total).toBeGreaterThan(0);
  });

  it("filters alarms by several statuses and acknowledges one, as the generated types say", async () => {
    const owner = callerAs(w.users.owner);
    const productId = (await owner.product.create({ tenantSlug: w.tenant.slug, name: `p-${randomSuffix()}`, thingModel })).id;
    const deviceId = (await owner.device.create({ tenantSlug: w.tenant.slug, name: `d-${randomSuffix()}`, productId })).device.id;
    const rule = await owner.alertRule.create({
      tenantSlug: w.tenant.slug,
      productId,
      rule: {
        name: "Hot",
        severity: "critical",
        trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }] },
      },
    });
    const alarmId = await raiseTestAlarm(w.tenant.id, { ruleId: rule.id, deviceId, productId }, { severity: "critical" });
    const key = await makeKey(w.users.owner, w.tenant.slug, ["alarms:read", "alarms:write"]);
    const c = createAspenClient({ baseUrl: "http://localhost:3000", token: key.secret, fetch: (req: Request) => handleApiRequest(req) });
    const open = await c.GET("/alarms", { params: { query: { deviceId, status: ["active", "acknowledged"], severity: ["critical"] } } });
    expect(open.data?.items.map((a) => a.id)).toEqual([alarmId]);
    const ack = await c.POST("/alarms/{id}/acknowledge", { params: { path: { id: alarmId } }, body: { comment: "typed" } });
    expect(ack.data?.status).toBe("acknowledged");
    const stillOpen = await c.GET("/alarms", { params: { query: { deviceId, status: ["active"] } } });
    expect(stillOpen.data?.items).toEqual([]);
    const summary = await c.GET("/alarms/summary", {});
    expect(summary.data?.bySeverity.critical).toBeGreaterThan(0);
  });

  it("saves a dashboard layout and pages and marks notifications, as the generated types say", async () => {
    const key = await makeKey(w.users.developer, w.tenant.slug, [
      "dashboards:read",
      "dashboards:write",
      "notifications:read",
      "notifications:write",
    ]);
    const c = createAspenClient({ baseUrl: "http://localhost:3000", token: key.secret, fetch: (req: Request) => handleApiRequest(req) });
    const made = await c.POST("/dashboards", {
      body: { name: `Typed ${randomSuffix()}` },
      headers: { "Idempotency-Key": `k-${randomSuffix()}` },
    });
    expect(made.response.status).toBe(201);
    const dashboard = must(made.data, "dashboard");
    const saved = await c.PATCH("/dashboards/{id}", {
      params: { path: { id: dashboard.id } },
      body: { version: dashboard.version, layout: { widgets: [{ id: "st", kind: "status", x: 0, y: 0, w: 4, h: 2 }] } },
    });
    expect(saved.data?.version).toBe(2);
    const share = await c.POST("/dashboards/{id}/shares", { params: { path: { id: dashboard.id } } });
    expect(share.data?.share.dashboardId).toBe(dashboard.id);

    const [older, newer] = [
      ...(await notifyTest(w.tenant.id, [w.users.developer.id])),
      ...(await notifyTest(w.tenant.id, [w.users.developer.id])),
    ];
    const page = await c.GET("/notifications", { params: { query: { limit: 1, unreadOnly: true } } });
    expect(page.data?.items.map((n) => n.id)).toEqual([newer]);
    const next = await c.GET("/notifications", {
      params: { query: { limit: 1, unreadOnly: true, starting_after: must(page.data?.nextCursor, "cursor") } },
    });
    expect(next.data?.items.map((n) => n.id)).toEqual([older]);
    const read = await c.POST("/notifications/{id}/read", { params: { path: { id: must(newer, "notification") } } });
    expect(read.data?.readAt).toBeTruthy();
    expect((await c.GET("/notifications/unread-count", {})).data?.count).toBe(1);
    expect((await c.POST("/notifications/read-all", {})).data?.updated).toBe(1);
  });
});
