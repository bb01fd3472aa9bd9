import type { AlertRuleSpecInput } from "@aspen/core";
import { randomSuffix, type TestUser } from "@aspen/db/testing";
import { callerAs, type RoleWorld } from "../../../testing";
import { notifyTest, raiseTestAlarm, thingModel } from "../testing";

/** What the happy-path calls build on: a tenant (its owner makes the fixtures), a product and a device of it. */
export type Fx = { w: RoleWorld; productId: string; deviceId: string };
export type Call = { path: string; body?: unknown };

async function freshProduct(f: Fx) {
  return (await callerAs(f.w.users.owner).product.create({ tenantSlug: f.w.tenant.slug, name: `p-${randomSuffix()}`, thingModel })).id;
}
async function freshDevice(f: Fx) {
  return (
    await callerAs(f.w.users.owner).device.create({ tenantSlug: f.w.tenant.slug, name: `d-${randomSuffix()}`, productId: f.productId })
  ).device.id;
}

/**
 * A happy-path call of every operation, by operationId, on fresh resources of the fixture's tenant. The
 * OpenAPI walk and the REST matrix fail for an operation that has none. `as` is the member the calling
 * token acts for (the key's creator, the granting user): a user's own things (notifications) are made theirs.
 */
export const happyCalls: Record<string, (f: Fx, as: TestUser) => Promise<Call>> = {
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
  queryTelemetryHistory: async (f) => ({
    path: "/telemetry/history",
    body: {
      series: [{ deviceId: f.deviceId, key: "temperature" }],
      from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      to: new Date().toISOString(),
      timeZone: "Asia/Shanghai",
    },
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
  listDashboards: async (f) => {
    await freshDashboard(f);
    return { path: "/dashboards?search=Plant&limit=5" };
  },
  createDashboard: async (f) => ({ path: "/dashboards", body: { name: `Plant ${randomSuffix()}`, layout: layoutOf(f) } }),
  getDashboard: async (f) => ({ path: `/dashboards/${(await freshDashboard(f)).id}` }),
  updateDashboard: async (f) => {
    const d = await freshDashboard(f);
    return { path: `/dashboards/${d.id}`, body: { version: d.version, name: "Renamed" } };
  },
  deleteDashboard: async (f) => ({ path: `/dashboards/${(await freshDashboard(f)).id}` }),
  getDashboardData: async (f) => ({ path: `/dashboards/${(await freshDashboard(f)).id}/data?timeZone=Europe/Berlin` }),
  listDashboardShares: async (f) => ({ path: `/dashboards/${(await freshShare(f)).dashboardId}/shares` }),
  createDashboardShare: async (f) => ({ path: `/dashboards/${(await freshDashboard(f)).id}/shares` }),
  revokeDashboardShare: async (f) => ({ path: `/dashboard-shares/${(await freshShare(f)).id}/revoke` }),
  listNotifications: async (f, as) => {
    await notifyTest(f.w.tenant.id, [as.id]);
    return { path: "/notifications?unreadOnly=true&limit=5" };
  },
  getUnreadNotificationCount: async (f, as) => {
    await notifyTest(f.w.tenant.id, [as.id]);
    return { path: "/notifications/unread-count" };
  },
  markNotificationRead: async (f, as) => ({ path: `/notifications/${(await notifyTest(f.w.tenant.id, [as.id]))[0]}/read` }),
  markAllNotificationsRead: async (f, as) => {
    await notifyTest(f.w.tenant.id, [as.id]);
    return { path: "/notifications/read-all" };
  },
  getNotificationPreferences: async () => ({ path: "/notifications/preferences" }),
  updateNotificationPreferences: async () => ({
    path: "/notifications/preferences",
    body: { emailSeverities: ["critical"], dailyDigest: true },
  }),
};

const layoutOf = (f: Fx) => ({
  widgets: [
    { id: "temp", kind: "value" as const, x: 0, y: 0, w: 4, h: 2, deviceId: f.deviceId, key: "temperature" },
    { id: "chart", kind: "chart" as const, x: 4, y: 0, w: 8, h: 4, series: [{ deviceId: f.deviceId, key: "temperature" }] },
    { id: "st", kind: "status" as const, x: 0, y: 2, w: 4, h: 2 },
  ],
});
async function freshDashboard(f: Fx) {
  return callerAs(f.w.users.owner).dashboard.create({ tenantSlug: f.w.tenant.slug, name: `Plant ${randomSuffix()}`, layout: layoutOf(f) });
}
async function freshShare(f: Fx) {
  const { share } = await callerAs(f.w.users.owner).dashboardShare.create({
    tenantSlug: f.w.tenant.slug,
    dashboardId: (await freshDashboard(f)).id,
  });
  return share;
}
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

/** A product and a device in `w`'s tenant, made by its owner. */
export async function happyFixture(w: RoleWorld): Promise<Fx> {
  const productId = (await callerAs(w.users.owner).product.create({ tenantSlug: w.tenant.slug, name: `p-${randomSuffix()}`, thingModel }))
    .id;
  const f = { w, productId, deviceId: "" };
  f.deviceId = await freshDevice(f);
  return f;
}
