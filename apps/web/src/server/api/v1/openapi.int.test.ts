import SwaggerParser from "@apidevtools/swagger-parser";
import { apiScopes, type AlertRuleSpecInput } from "@aspen/core";
import { randomSuffix } from "@aspen/db/testing";
import Ajv2020 from "ajv/dist/2020.js";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { buildOpenApiDocument } from "./openapi";
import { operations } from "./operations";
import { makeKey, raiseTestAlarm, rest, thingModel } from "./testing";

ensureTestEnv();
// Webhook endpoints on loopback are refused unless allowed (development/test only).
process.env.WEBHOOK_ALLOW_LOOPBACK = "true";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../../../../..");
const doc = buildOpenApiDocument(operations, { serverUrl: "https://cloud.aspen.dev" });

type Fx = { w: RoleWorld; token: string; productId: string; deviceId: string };
type Call = { path: string; body?: unknown };

async function freshProduct(f: Fx) {
  return (await callerAs(f.w.users.owner).product.create({ tenantSlug: f.w.tenant.slug, name: `p-${randomSuffix()}`, thingModel })).id;
}
async function freshDevice(f: Fx) {
  return (
    await callerAs(f.w.users.owner).device.create({ tenantSlug: f.w.tenant.slug, name: `d-${randomSuffix()}`, productId: f.productId })
  ).device.id;
}

/** A happy-path call of every documented operation. A new operation fails the walk until it has one. */
const happy: Record<string, (f: Fx) => Promise<Call>> = {
  listProducts: async () => ({ path: "/products?limit=5" }),
  createProduct: async () => ({ path: "/products", body: { name: `p-${randomSuffix()}`, thingModel } }),
  getProduct: async (f) => ({ path: `/products/${f.productId}` }),
  updateProduct: async (f) => ({ path: `/products/${f.productId}`, body: { description: "changed" } }),
  deleteProduct: async (f) => ({ path: `/products/${await freshProduct(f)}` }),
  rotateProductSecret: async (f) => ({ path: `/products/${f.productId}/rotate-secret` }),
  listDevices: async () => ({ path: "/devices?limit=5&status=offline" }),
  createDevice: async (f) => ({ path: "/devices", body: { name: `d-${randomSuffix()}`, productId: f.productId, labels: { a: "b" } } }),
  getDevice: async (f) => ({ path: `/devices/${f.deviceId}` }),
  updateDevice: async (f) => ({ path: `/devices/${f.deviceId}`, body: { labels: { site: "x" } } }),
  deleteDevice: async (f) => ({ path: `/devices/${await freshDevice(f)}` }),
  enableDevice: async (f) => ({ path: `/devices/${f.deviceId}/enable` }),
  disableDevice: async (f) => ({ path: `/devices/${await freshDevice(f)}/disable` }),
  rotateDeviceSecret: async (f) => ({ path: `/devices/${f.deviceId}/rotate-secret` }),
  getLatestTelemetry: async (f) => ({ path: `/devices/${f.deviceId}/telemetry/latest` }),
  getTelemetryHistory: async (f) => ({
    path: `/devices/${f.deviceId}/telemetry/temperature/history?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date().toISOString()}&bucketSeconds=3600`,
  }),
  getAttributes: async (f) => ({ path: `/devices/${f.deviceId}/attributes` }),
  setDesiredAttributes: async (f) => ({ path: `/devices/${f.deviceId}/attributes/desired`, body: { desired: { target: 21.5 } } }),
  sendCommand: async (f) => ({ path: `/devices/${f.deviceId}/commands`, body: { method: "reboot" } }),
  listCommands: async (f) => ({ path: `/devices/${f.deviceId}/commands?limit=3` }),
  getCommand: async (f) => ({
    path: `/commands/${(await callerAs(f.w.users.owner).command.send({ tenantSlug: f.w.tenant.slug, deviceId: f.deviceId, method: "reboot" })).id}`,
  }),
  listAuditLog: async () => ({ path: "/audit-log?limit=5&action=device." }),
  listAlertRules: async () => ({ path: "/alert-rules?limit=5" }),
  createAlertRule: async (f) => ({ path: "/alert-rules", body: { productId: f.productId, rule: hotRule } }),
  getAlertRule: async (f) => ({ path: `/alert-rules/${await freshRule(f)}` }),
  updateAlertRule: async (f) => ({ path: `/alert-rules/${await freshRule(f)}`, body: { rule: { ...hotRule, name: "Hotter" } } }),
  deleteAlertRule: async (f) => ({ path: `/alert-rules/${await freshRule(f)}` }),
  enableAlertRule: async (f) => ({ path: `/alert-rules/${await freshRule(f)}/enable` }),
  disableAlertRule: async (f) => ({ path: `/alert-rules/${await freshRule(f)}/disable` }),
  listAlarms: async (f) => {
    await freshAlarm(f);
    return { path: "/alarms?limit=5&status=active&status=acknowledged&severity=major" };
  },
  getAlarmSummary: async (f) => {
    await freshAlarm(f);
    return { path: "/alarms/summary" };
  },
  getAlarm: async (f) => ({ path: `/alarms/${await freshAlarm(f)}` }),
  acknowledgeAlarm: async (f) => ({ path: `/alarms/${await freshAlarm(f)}/acknowledge`, body: { comment: "on it" } }),
  clearAlarm: async (f) => ({ path: `/alarms/${await freshAlarm(f)}/clear` }),
  listWebhooks: async () => ({ path: "/webhooks?limit=5" }),
  createWebhook: async () => ({ path: "/webhooks", body: { url: "http://127.0.0.1:9/hook", eventTypes: ["alarm.created"] } }),
  getWebhook: async (f) => ({ path: `/webhooks/${await freshWebhook(f)}` }),
  updateWebhook: async (f) => ({ path: `/webhooks/${await freshWebhook(f)}`, body: { description: "changed" } }),
  deleteWebhook: async (f) => ({ path: `/webhooks/${await freshWebhook(f)}` }),
  enableWebhook: async (f) => ({ path: `/webhooks/${await freshWebhook(f)}/enable` }),
  disableWebhook: async (f) => ({ path: `/webhooks/${await freshWebhook(f)}/disable` }),
  rotateWebhookSecret: async (f) => ({ path: `/webhooks/${await freshWebhook(f)}/rotate-secret`, body: { overlapHours: 1 } }),
  sendTestWebhook: async (f) => ({ path: `/webhooks/${await freshWebhook(f)}/test` }),
  listWebhookDeliveries: async (f) => {
    const d = await freshDelivery(f);
    return { path: `/webhooks/${d.endpointId}/deliveries?limit=5` };
  },
  getWebhookDelivery: async (f) => {
    const d = await freshDelivery(f);
    return { path: `/webhooks/${d.endpointId}/deliveries/${d.deliveryId}` };
  },
  replayWebhookDelivery: async (f) => {
    const d = await freshDelivery(f);
    return { path: `/webhooks/${d.endpointId}/deliveries/${d.deliveryId}/replay` };
  },
};

const hotRule: AlertRuleSpecInput = {
  name: "Hot",
  severity: "major",
  trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }], forSeconds: 60 },
};
async function freshRule(f: Fx) {
  return (await callerAs(f.w.users.owner).alertRule.create({ tenantSlug: f.w.tenant.slug, productId: f.productId, rule: hotRule })).id;
}
async function freshWebhook(f: Fx) {
  return (
    await callerAs(f.w.users.owner).webhook.create({
      tenantSlug: f.w.tenant.slug,
      url: "http://127.0.0.1:9/hook",
      eventTypes: ["alarm.created"],
    })
  ).endpoint.id;
}

async function freshAlarm(f: Fx) {
  return raiseTestAlarm(f.w.tenant.id, { ruleId: await freshRule(f), deviceId: f.deviceId, productId: f.productId });
}
async function freshDelivery(f: Fx) {
  return callerAs(f.w.users.owner).webhook.sendTest({ tenantSlug: f.w.tenant.slug, id: await freshWebhook(f) });
}

let fx: Fx;
beforeAll(async () => {
  const w = await createRoleWorld();
  const token = (await makeKey(w.users.owner, w.tenant.slug, [...apiScopes])).secret;
  const productId = (await callerAs(w.users.owner).product.create({ tenantSlug: w.tenant.slug, name: `p-${randomSuffix()}`, thingModel }))
    .id;
  fx = { w, token, productId, deviceId: "" };
  fx.deviceId = await freshDevice(fx);
});

describe("the OpenAPI document", () => {
  it("passes @redocly/cli lint (recommended rules) without errors or warnings", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "aspen-openapi-"));
    const file = path.join(dir, "openapi.json");
    await writeFile(file, JSON.stringify(doc));
    const { stdout, stderr } = await promisify(execFile)(path.join(repoRoot, "node_modules/.bin/redocly"), ["lint", file], {
      cwd: dir,
      timeout: 120_000,
    });
    const out = `${stdout}\n${stderr}`;
    expect(out).toContain("Your API description is valid");
    expect(out).not.toMatch(/You have \d+ warning/);
  }, 120_000);

  it("validates with @apidevtools/swagger-parser", async () => {
    const api = await SwaggerParser.validate(structuredClone(doc) as never);
    expect((api as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("documents both security schemes with every scope, and each operation's scope", () => {
    const schemes = doc.components.securitySchemes;
    expect(Object.keys(schemes.oauth2.flows.authorizationCode.scopes).sort()).toEqual([...apiScopes].sort());
    expect(Object.keys(schemes.oauth2.flows.clientCredentials.scopes).sort()).toEqual([...apiScopes].sort());
    expect(schemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    for (const op of operations) {
      const item = (doc.paths[op.path] as Record<string, { security: unknown }>)[op.method.toLowerCase()]!;
      expect(item.security).toEqual([{ oauth2: [op.scope] }, { apiKey: [op.scope] }]);
    }
  });
});

describe("every documented operation", () => {
  const documented = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods as Record<string, { operationId: string; responses: Record<string, any> }>).map(([m, item]) => ({
      path: p,
      method: m.toUpperCase(),
      item,
    })),
  );
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // What the API sends for dates (Date.prototype.toJSON): ISO 8601 in UTC.
  ajv.addFormat("date-time", (v: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v)));
  ajv.addSchema({ $id: "aspen", components: doc.components });
  for (const [id, s] of Object.entries(doc.components.schemas)) ajv.addSchema(s, `#/components/schemas/${id}`);

  it("matches the operations the router serves, one to one", () => {
    expect(documented.map((d) => `${d.method} ${d.path}`).sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
    expect(Object.keys(happy).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  it.each(documented.map((d) => [d.item.operationId, d] as const))(
    "%s answers its happy path with the documented status and body",
    async (_id, d) => {
      const make = happy[d.item.operationId];
      expect(make, `no happy-path call for ${d.item.operationId}`).toBeDefined();
      const call = await make!(fx);
      const res = await rest(d.method, call.path, { token: fx.token, body: call.body });
      const [status] = Object.keys(d.item.responses).filter((s) => s.startsWith("2"));
      expect(res.status, JSON.stringify(res.body)).toBe(Number(status));
      const schema = d.item.responses[status!].content["application/json"].schema;
      const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"aspen#/components/')));
      const ok = validate(res.body);
      expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      // The check can fail: an empty object is not a valid answer of any operation.
      expect(validate({})).toBe(false);
    },
  );
});

describe("no route under /api/v1 is undocumented", () => {
  it("has only the catch-all (serving the operations table) and the document itself", async () => {
    const appDir = path.join(repoRoot, "apps/web/src/app/api/v1");
    const files = (await readdir(appDir, { recursive: true })).filter((f) => /route\.[jt]sx?$/.test(f)).sort();
    expect(files).toEqual([path.join("[...path]", "route.ts"), path.join("openapi.json", "route.ts")].sort());
  });

  it("answers paths outside the document with 404 and wrong methods with 405", async () => {
    expect((await rest("GET", "/admin", { token: fx.token })).status).toBe(404);
    expect((await rest("GET", "/devices/x/y/z", { token: fx.token })).status).toBe(404);
    expect((await rest("DELETE", "/devices", { token: fx.token })).status).toBe(405);
  });
});
