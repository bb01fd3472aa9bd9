import { parsePublicId, publicId, type AlertRuleSpecInput, type Permission } from "@aspen/core";
import { raiseAlarm, withSystem } from "@aspen/db";
import { insertTelemetryRows } from "@aspen/db/broker";
import { addTestMember, createTestUser, randomSuffix } from "@aspen/db/testing";
import { getSystemDb } from "../db";
import { testThingModel } from "../device-api/testing";
import type { callerAs, RoleWorld } from "../testing";

/**
 * The permission matrix's table (run by `permissions.int.test.ts`): every tenant-scoped procedure
 * of the app router with the permission it needs and a valid call, the public procedures, and the
 * platform-operator procedures.
 */

export type Caller = ReturnType<typeof callerAs>;
export type Ctx = { w: RoleWorld; owner: Caller; slug: string };

export interface Case {
  permission: Permission;
  prepare?: (c: Ctx) => Promise<any>;
  input: (prep: any) => Record<string, unknown>;
  /** What the outsider gets calling with this tenant's ids in their own tenant (default NOT_FOUND, OK without `prepare`). */
  otherTenant?: string;
}

async function newProduct(c: Ctx) {
  return c.owner.product.create({ tenantSlug: c.slug, name: `prod-${randomSuffix()}`, thingModel: testThingModel });
}
async function newDevice(c: Ctx) {
  const p = await newProduct(c);
  return (await c.owner.device.create({ tenantSlug: c.slug, name: `dev-${randomSuffix()}`, productId: p.id })).device;
}
async function newCommand(c: Ctx) {
  const d = await newDevice(c);
  return c.owner.command.send({ tenantSlug: c.slug, deviceId: d.id, method: "reboot" });
}
async function newViewer(c: Ctx) {
  const u = await createTestUser(getSystemDb());
  await addTestMember(getSystemDb(), c.w.tenant.id, u.id, "viewer");
  return publicId("usr", u.id);
}
async function newInvitation(c: Ctx) {
  return c.owner.member.invite({ tenantSlug: c.slug, email: `inv-${randomSuffix()}@test.aspen.dev`, role: "viewer" });
}
const page = { page: 1, pageSize: 20 };
const hourAgo = () => new Date(Date.now() - 3600_000);

/** A device with one stored temperature value a minute ago (so that history and exports have data). */
async function newDeviceWithData(c: Ctx) {
  const d = await newDevice(c);
  await withSystem(getSystemDb(), (tx) =>
    insertTelemetryRows(tx, [
      {
        tenantId: c.w.tenant.id,
        deviceId: parsePublicId("dev", d.id)!,
        key: "temperature",
        ts: Date.now() - 60_000,
        valueNum: 21,
        valueBool: null,
        valueStr: null,
      },
    ]),
  );
  return d;
}
async function newExport(c: Ctx) {
  const d = await newDeviceWithData(c);
  return c.owner.telemetryExport.start({ tenantSlug: c.slug, deviceId: d.id, from: hourAgo(), to: new Date() });
}
const hot: AlertRuleSpecInput = {
  name: "Hot",
  severity: "major",
  trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }], forSeconds: 60 },
};
async function newRule(c: Ctx) {
  const product = await newProduct(c);
  const device = (await c.owner.device.create({ tenantSlug: c.slug, name: `dev-${randomSuffix()}`, productId: product.id })).device;
  const rule = await c.owner.alertRule.create({ tenantSlug: c.slug, productId: product.id, rule: hot });
  return { product, device, rule };
}
/** An active alarm of a new rule, raised as the evaluator would (there is no procedure that raises one). */
async function newAlarm(c: Ctx) {
  const { product, device, rule } = await newRule(c);
  await withSystem(getSystemDb(), (tx) =>
    raiseAlarm(tx, {
      tenantId: c.w.tenant.id,
      ruleId: parsePublicId("rul", rule.id)!,
      deviceId: parsePublicId("dev", device.id)!,
      productId: parsePublicId("prd", product.id)!,
      severity: "major",
      title: "Hot",
      at: new Date(),
      values: { temperature: 31 },
      dedupKey: `test-${randomSuffix()}`,
    }),
  );
  return (await c.owner.alarm.list({ tenantSlug: c.slug, ruleId: rule.id })).items[0]!;
}
/** Endpoints on loopback (nothing listens there; deliveries just queue): needs WEBHOOK_ALLOW_LOOPBACK. */
async function newWebhook(c: Ctx) {
  return (await c.owner.webhook.create({ tenantSlug: c.slug, url: "http://127.0.0.1:9/hook", eventTypes: ["alarm.created"] })).endpoint;
}
async function newDelivery(c: Ctx) {
  return c.owner.webhook.sendTest({ tenantSlug: c.slug, id: (await newWebhook(c)).id });
}
async function newApiKey(c: Ctx) {
  return (await c.owner.apiKey.create({ tenantSlug: c.slug, name: `key-${randomSuffix()}`, scopes: ["devices:read"] })).apiKey;
}
const redirectUri = "https://client.example.org/callback";
async function newOAuthApp(c: Ctx) {
  const made = await c.owner.oauthApp.create({
    tenantSlug: c.slug,
    name: `app-${randomSuffix()}`,
    redirectUris: [redirectUri],
    scopes: ["devices:read"],
    clientType: "confidential",
  });
  return made.app;
}

/** A dashboard with a value widget over a new device (so that its data names a device of the tenant). */
async function newDashboard(c: Ctx): Promise<{ id: string; version: number }> {
  const d = await newDevice(c);
  const layout = { widgets: [{ id: "v", kind: "value" as const, x: 0, y: 0, w: 3, h: 2, deviceId: d.id, key: "temperature" }] };
  return c.owner.dashboard.create({ tenantSlug: c.slug, name: `dash-${randomSuffix()}`, layout });
}
async function newShare(c: Ctx): Promise<{ id: string }> {
  return (await c.owner.dashboardShare.create({ tenantSlug: c.slug, dashboardId: (await newDashboard(c)).id })).share;
}

/** Every tenant-scoped procedure: the permission it needs and a valid call. */
export const cases: Record<string, Case> = {
  "tenant.bySlug": { permission: "tenant.read", input: () => ({}) },
  "tenant.update": { permission: "tenant.update", input: () => ({ name: `Renamed ${randomSuffix()}` }) },
  "tenant.overview": { permission: "tenant.read", input: () => ({}) },
  "tenant.retention": { permission: "tenant.read", input: () => ({}) },
  "tenant.setRetention": { permission: "tenant.update", input: () => ({ retentionDays: 30 }) },

  "member.list": { permission: "member.read", input: () => page },
  "member.invite": { permission: "member.invite", input: () => ({ email: `inv-${randomSuffix()}@test.aspen.dev`, role: "viewer" }) },
  "member.invitations": { permission: "member.invite", input: () => page },
  "member.revokeInvitation": { permission: "member.invite", prepare: newInvitation, input: (p) => ({ invitationId: p.invitation.id }) },
  "member.changeRole": { permission: "member.update", prepare: newViewer, input: (userId) => ({ userId, role: "developer" }) },
  "member.remove": { permission: "member.remove", prepare: newViewer, input: (userId) => ({ userId }) },

  "product.list": { permission: "product.read", input: () => page },
  "product.byId": { permission: "product.read", prepare: newProduct, input: (p) => ({ id: p.id }) },
  "product.create": { permission: "product.write", input: () => ({ name: `prod-${randomSuffix()}`, thingModel: testThingModel }) },
  "product.update": { permission: "product.write", prepare: newProduct, input: (p) => ({ id: p.id, description: "changed" }) },
  "product.delete": { permission: "product.write", prepare: newProduct, input: (p) => ({ id: p.id }) },
  "product.rotateProductSecret": { permission: "product.write", prepare: newProduct, input: (p) => ({ id: p.id }) },

  "device.list": { permission: "device.read", input: () => page },
  "device.byId": { permission: "device.read", prepare: newDevice, input: (d: { id: string; version: number }) => ({ id: d.id }) },
  "device.create": { permission: "device.write", prepare: newProduct, input: (p) => ({ name: `dev-${randomSuffix()}`, productId: p.id }) },
  "device.bulkCheck": {
    permission: "device.write",
    prepare: newProduct,
    input: (p) => ({ rows: [{ name: `bulk-${randomSuffix()}`, product: p.name }] }),
    // A dry run answers with a per-row report: in the outsider's tenant the product is unknown on that row.
    otherTenant: "OK",
  },
  "device.bulkCreate": {
    permission: "device.write",
    prepare: newProduct,
    input: (p) => ({
      rows: [
        { name: `bulk-${randomSuffix()}`, product: p.name },
        { name: `bulk-${randomSuffix()}`, product: p.id, labels: "site=berlin" },
      ],
    }),
    // The outsider's tenant has no such product: every row is refused.
    otherTenant: "BAD_REQUEST",
  },
  "device.update": {
    permission: "device.write",
    prepare: newDevice,
    input: (d: { id: string; version: number }) => ({ id: d.id, labels: { site: "hamburg" } }),
  },
  "device.setEnabled": {
    permission: "device.write",
    prepare: newDevice,
    input: (d: { id: string; version: number }) => ({ id: d.id, enabled: false }),
  },
  "device.rotateSecret": { permission: "device.secret", prepare: newDevice, input: (d: { id: string; version: number }) => ({ id: d.id }) },
  "device.delete": { permission: "device.write", prepare: newDevice, input: (d: { id: string; version: number }) => ({ id: d.id }) },

  "telemetry.latest": { permission: "device.read", prepare: newDevice, input: (d) => ({ deviceId: d.id }) },
  "telemetry.series": {
    permission: "device.read",
    prepare: newDevice,
    input: (d) => ({ deviceId: d.id, key: "temperature", from: hourAgo(), to: new Date() }),
  },
  "telemetry.events": { permission: "device.read", prepare: newDevice, input: (d) => ({ deviceId: d.id, ...page }) },
  "telemetry.overview": { permission: "device.read", input: () => ({}) },
  "deviceActivity.connections": { permission: "device.read", prepare: newDevice, input: (d) => ({ deviceId: d.id, ...page }) },
  "deviceActivity.errors": { permission: "device.read", prepare: newDevice, input: (d) => ({ deviceId: d.id, ...page }) },
  "deviceShadow.get": { permission: "device.read", prepare: newDevice, input: (d) => ({ deviceId: d.id }) },
  "deviceShadow.updateDesired": {
    permission: "device.write",
    prepare: newDevice,
    input: (d) => ({ deviceId: d.id, desired: { on: true } }),
  },
  "command.send": {
    permission: "device.command",
    prepare: newDevice,
    input: (d) => ({ deviceId: d.id, method: "reboot", params: { delaySeconds: 1 } }),
  },
  "command.list": { permission: "device.read", prepare: newDevice, input: (d) => ({ deviceId: d.id, ...page }) },
  "command.byId": { permission: "device.read", prepare: newCommand, input: (c) => ({ id: c.id }) },

  "history.series": {
    permission: "device.read",
    prepare: newDeviceWithData,
    input: (d) => ({ series: [{ deviceId: d.id, key: "temperature" }], from: hourAgo(), to: new Date() }),
  },
  "history.raw": {
    permission: "device.read",
    prepare: newDeviceWithData,
    input: (d) => ({ deviceId: d.id, key: "temperature", from: hourAgo(), to: new Date() }),
  },
  "telemetryExport.start": {
    permission: "telemetry.export",
    prepare: newDeviceWithData,
    input: (d) => ({ deviceId: d.id, from: hourAgo(), to: new Date(), format: "jsonl" }),
  },
  "telemetryExport.byId": { permission: "telemetry.export", prepare: newExport, input: (e) => ({ id: e.id }) },
  "telemetryExport.list": { permission: "telemetry.export", input: () => ({}) },

  "alertRule.list": { permission: "device.read", input: () => ({}) },
  "alertRule.byId": { permission: "device.read", prepare: newRule, input: (p) => ({ id: p.rule.id }) },
  "alertRule.create": { permission: "alert.manage", prepare: newProduct, input: (p) => ({ productId: p.id, rule: hot }) },
  "alertRule.update": { permission: "alert.manage", prepare: newRule, input: (p) => ({ id: p.rule.id, rule: { ...hot, name: "Hotter" } }) },
  "alertRule.setEnabled": { permission: "alert.manage", prepare: newRule, input: (p) => ({ id: p.rule.id, enabled: false }) },
  "alertRule.delete": { permission: "alert.manage", prepare: newRule, input: (p) => ({ id: p.rule.id }) },
  "alarm.list": { permission: "device.read", input: () => ({ status: ["active"], severity: ["major"] }) },
  "alarm.byId": { permission: "device.read", prepare: newAlarm, input: (a) => ({ id: a.id }) },
  "alarm.acknowledge": { permission: "alert.manage", prepare: newAlarm, input: (a) => ({ id: a.id, comment: "on it" }) },
  "alarm.clear": { permission: "alert.manage", prepare: newAlarm, input: (a) => ({ id: a.id }) },
  "alarm.activeCount": { permission: "device.read", input: () => ({}) },

  // The member's own notifications: any member may read and mark theirs.
  "notification.list": { permission: "tenant.read", input: () => ({}) },
  "notification.unreadCount": { permission: "tenant.read", input: () => ({}) },
  "notification.markRead": { permission: "tenant.read", input: () => ({ ids: [publicId("ntf", "00000000-0000-4000-8000-000000000000")] }) },
  "notification.markAllRead": { permission: "tenant.read", input: () => ({}) },
  "notification.preferences": { permission: "tenant.read", input: () => ({}) },
  "notification.updatePreferences": { permission: "tenant.read", input: () => ({ emailSeverities: ["critical"], dailyDigest: true }) },

  "webhook.list": { permission: "webhook.manage", input: () => ({}) },
  "webhook.byId": { permission: "webhook.manage", prepare: newWebhook, input: (w) => ({ id: w.id }) },
  "webhook.create": { permission: "webhook.manage", input: () => ({ url: "http://127.0.0.1:9/new" }) },
  "webhook.update": { permission: "webhook.manage", prepare: newWebhook, input: (w) => ({ id: w.id, description: "changed" }) },
  "webhook.delete": { permission: "webhook.manage", prepare: newWebhook, input: (w) => ({ id: w.id }) },
  "webhook.rotateSecret": { permission: "webhook.manage", prepare: newWebhook, input: (w) => ({ id: w.id }) },
  "webhook.deliveries": { permission: "webhook.manage", prepare: newWebhook, input: (w) => ({ id: w.id }) },
  "webhook.replay": { permission: "webhook.manage", prepare: newDelivery, input: (d) => ({ deliveryId: d.deliveryId }) },
  "webhook.sendTest": { permission: "webhook.manage", prepare: newWebhook, input: (w) => ({ id: w.id }) },

  "apiKey.list": { permission: "apiKey.manage", input: () => ({}) },
  "apiKey.create": { permission: "apiKey.manage", input: () => ({ name: `key-${randomSuffix()}`, scopes: ["devices:read"] }) },
  "apiKey.revoke": { permission: "apiKey.manage", prepare: newApiKey, input: (k) => ({ id: k.id }) },
  "oauthApp.list": { permission: "oauthApp.manage", input: () => ({}) },
  "oauthApp.create": {
    permission: "oauthApp.manage",
    input: () => ({ name: `app-${randomSuffix()}`, redirectUris: [redirectUri], scopes: ["devices:read"], clientType: "confidential" }),
  },
  "oauthApp.rotateSecret": { permission: "oauthApp.manage", prepare: newOAuthApp, input: (a) => ({ id: a.id }) },
  "oauthApp.delete": { permission: "oauthApp.manage", prepare: newOAuthApp, input: (a) => ({ id: a.id }) },
  "oauthApp.grants": { permission: "oauthApp.manage", prepare: newOAuthApp, input: (a) => ({ id: a.id }) },

  "audit.list": { permission: "audit.read", input: () => page },

  "dashboard.list": { permission: "device.read", input: () => ({}) },
  "dashboard.byId": { permission: "device.read", prepare: newDashboard, input: (d: { id: string; version: number }) => ({ id: d.id }) },
  "dashboard.data": {
    permission: "device.read",
    prepare: newDashboard,
    input: (d: { id: string; version: number }) => ({ id: d.id, timeZone: "Europe/Berlin" }),
  },
  "dashboard.create": { permission: "device.write", input: () => ({ name: `dash-${randomSuffix()}` }) },
  "dashboard.update": {
    permission: "device.write",
    prepare: newDashboard,
    input: (d: { id: string; version: number }) => ({ id: d.id, version: d.version, name: "Renamed" }),
  },
  "dashboard.delete": { permission: "device.write", prepare: newDashboard, input: (d: { id: string; version: number }) => ({ id: d.id }) },
  "dashboardShare.list": { permission: "device.write", prepare: newDashboard, input: (d: { id: string }) => ({ dashboardId: d.id }) },
  "dashboardShare.create": { permission: "device.write", prepare: newDashboard, input: (d: { id: string }) => ({ dashboardId: d.id }) },
  "dashboardShare.revoke": { permission: "device.write", prepare: newShare, input: (s: { id: string }) => ({ id: s.id }) },
};

/**
 * Procedures anyone may call, signed in or not — on purpose (adding one is a security decision), with
 * an input and the answer it gets signed out. The made-up tokens are refused by the procedure itself
 * (NOT_FOUND for an invitation, BAD_REQUEST `reset_link_invalid` / `verification_link_invalid` for a
 * link): the point is that it ran without asking for a sign-in.
 */
export const publicProcedures: Record<string, { input: () => unknown; answer: "OK" | "NOT_FOUND" | "BAD_REQUEST"; reason?: string }> = {
  "auth.signup": { input: () => ({ email: `x-${randomSuffix()}@test.aspen.dev`, name: "X", password: "long-enough-1" }), answer: "OK" },
  "invitation.byToken": { input: () => ({ token: "x".repeat(43) }), answer: "NOT_FOUND" },
  // The same answer whether or not the account exists.
  "account.requestPasswordReset": { input: () => ({ email: `nobody-${randomSuffix()}@test.aspen.dev` }), answer: "OK" },
  "account.resetPassword": {
    input: () => ({ token: "x".repeat(43), password: "long-enough-meadow-1" }),
    answer: "BAD_REQUEST",
    reason: "reset_link_invalid",
  },
  "account.verifyEmail": { input: () => ({ token: "x".repeat(43) }), answer: "BAD_REQUEST", reason: "verification_link_invalid" },
  // A made-up (or revoked) share token: the same answer as for a deleted dashboard.
  "dashboardShare.view": { input: () => ({ token: "x".repeat(43) }), answer: "NOT_FOUND" },
};

/**
 * Platform-operator procedures. They are built on authedProcedure (no tenant: the job queues and the
 * tenants' plans are the platform's), so the router alone files them as plain signed-in procedures; the services refuse
 * anyone without `platform_admin` with FORBIDDEN. Listed here so that the matrix checks exactly that.
 */
export const platformProcedures: Record<string, (ctx: Ctx) => unknown> = {
  "queue.overview": () => undefined,
  "queue.failed": () => ({ queue: "webhooks" }),
  "queue.retry": () => ({ queue: "webhooks" }),
  "platformTenant.list": () => undefined,
  // The role world's own tenant, left on the plan it starts on.
  "platformTenant.setPlan": (ctx: Ctx) => ({ tenantId: publicId("ten", ctx.w.tenant.id), plan: "free" }),
};
