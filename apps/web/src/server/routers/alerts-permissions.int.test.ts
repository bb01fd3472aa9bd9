import { can, roles, type Permission, type Role } from "@aspen/core";
import { raiseAlarm, withSystem } from "@aspen/db";
import { randomSuffix } from "@aspen/db/testing";
import { parsePublicId, publicId, type AlertRuleSpecInput } from "@aspen/core";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../db";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../testing";
import { appRouter } from "./_app";

ensureTestEnv();
// Test endpoints live on loopback (nothing listens there; deliveries just queue).
process.env.WEBHOOK_ALLOW_LOOPBACK = "true";

type Caller = ReturnType<typeof callerAs>;
type Ctx = { w: RoleWorld; owner: Caller; slug: string };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

const thingModel = {
  properties: [{ identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125 }],
  events: [{ identifier: "overheat", name: "Overheat", level: "fault" }],
  commands: [],
};
const hot: AlertRuleSpecInput = {
  name: "Hot",
  severity: "major",
  trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }], forSeconds: 60 },
};

async function newDevice(c: Ctx) {
  const p = await c.owner.product.create({ tenantSlug: c.slug, name: `prod-${randomSuffix()}`, thingModel });
  const d = await c.owner.device.create({ tenantSlug: c.slug, name: `dev-${randomSuffix()}`, productId: p.id });
  return { product: p, device: d.device };
}
async function newRule(c: Ctx) {
  const { product, device } = await newDevice(c);
  const rule = await c.owner.alertRule.create({ tenantSlug: c.slug, productId: product.id, rule: hot });
  return { product, device, rule };
}
async function newAlarm(c: Ctx) {
  const { product, device, rule } = await newRule(c);
  const { alarm } = await withSystem(getSystemDb(), (tx) =>
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
  const list = await c.owner.alarm.list({ tenantSlug: c.slug, ruleId: rule.id });
  return { alarmId: list.items[0]!.id, alarm };
}
async function newWebhook(c: Ctx) {
  return (await c.owner.webhook.create({ tenantSlug: c.slug, url: "http://127.0.0.1:9/hook", eventTypes: ["alarm.created"] })).endpoint;
}
async function newDelivery(c: Ctx) {
  const w = await newWebhook(c);
  return c.owner.webhook.sendTest({ tenantSlug: c.slug, id: w.id });
}

interface Case {
  path: string;
  permission: Permission;
  prepare?: (c: Ctx) => Promise<any>;
  call: (caller: Caller, slug: string, prep: any) => Promise<unknown>;
  /** Whether an id from the prepared fixture is looked up (cross-tenant id test applies). */
  byId?: true;
}

const cases: Case[] = [
  { path: "alertRule.list", permission: "device.read", call: (k, s) => k.alertRule.list({ tenantSlug: s }) },
  {
    path: "alertRule.byId",
    permission: "device.read",
    byId: true,
    prepare: newRule,
    call: (k, s, p) => k.alertRule.byId({ tenantSlug: s, id: p.rule.id }),
  },
  {
    path: "alertRule.create",
    permission: "alert.manage",
    prepare: newDevice,
    call: (k, s, p) => k.alertRule.create({ tenantSlug: s, productId: p.product.id, rule: hot }),
  },
  {
    path: "alertRule.update",
    permission: "alert.manage",
    byId: true,
    prepare: newRule,
    call: (k, s, p) => k.alertRule.update({ tenantSlug: s, id: p.rule.id, rule: { ...hot, name: "Hotter" } }),
  },
  {
    path: "alertRule.setEnabled",
    permission: "alert.manage",
    byId: true,
    prepare: newRule,
    call: (k, s, p) => k.alertRule.setEnabled({ tenantSlug: s, id: p.rule.id, enabled: false }),
  },
  {
    path: "alertRule.delete",
    permission: "alert.manage",
    byId: true,
    prepare: newRule,
    call: (k, s, p) => k.alertRule.delete({ tenantSlug: s, id: p.rule.id }),
  },
  {
    path: "alarm.list",
    permission: "device.read",
    call: (k, s) => k.alarm.list({ tenantSlug: s, status: ["active"], severity: ["major"] }),
  },
  {
    path: "alarm.byId",
    permission: "device.read",
    byId: true,
    prepare: newAlarm,
    call: (k, s, p) => k.alarm.byId({ tenantSlug: s, id: p.alarmId }),
  },
  {
    path: "alarm.acknowledge",
    permission: "alert.manage",
    byId: true,
    prepare: newAlarm,
    call: (k, s, p) => k.alarm.acknowledge({ tenantSlug: s, id: p.alarmId, comment: "on it" }),
  },
  {
    path: "alarm.clear",
    permission: "alert.manage",
    byId: true,
    prepare: newAlarm,
    call: (k, s, p) => k.alarm.clear({ tenantSlug: s, id: p.alarmId }),
  },
  { path: "alarm.activeCount", permission: "device.read", call: (k, s) => k.alarm.activeCount({ tenantSlug: s }) },
  { path: "notification.list", permission: "tenant.read", call: (k, s) => k.notification.list({ tenantSlug: s }) },
  { path: "notification.unreadCount", permission: "tenant.read", call: (k, s) => k.notification.unreadCount({ tenantSlug: s }) },
  {
    path: "notification.markRead",
    permission: "tenant.read",
    call: (k, s) => k.notification.markRead({ tenantSlug: s, ids: [publicId("ntf", "00000000-0000-4000-8000-000000000000")] }),
  },
  { path: "notification.markAllRead", permission: "tenant.read", call: (k, s) => k.notification.markAllRead({ tenantSlug: s }) },
  { path: "notification.preferences", permission: "tenant.read", call: (k, s) => k.notification.preferences({ tenantSlug: s }) },
  {
    path: "notification.updatePreferences",
    permission: "tenant.read",
    call: (k, s) => k.notification.updatePreferences({ tenantSlug: s, emailSeverities: ["critical"], dailyDigest: true }),
  },
  { path: "webhook.list", permission: "webhook.manage", call: (k, s) => k.webhook.list({ tenantSlug: s }) },
  {
    path: "webhook.byId",
    permission: "webhook.manage",
    byId: true,
    prepare: newWebhook,
    call: (k, s, w) => k.webhook.byId({ tenantSlug: s, id: w.id }),
  },
  {
    path: "webhook.create",
    permission: "webhook.manage",
    call: (k, s) => k.webhook.create({ tenantSlug: s, url: "http://127.0.0.1:9/new" }),
  },
  {
    path: "webhook.update",
    permission: "webhook.manage",
    byId: true,
    prepare: newWebhook,
    call: (k, s, w) => k.webhook.update({ tenantSlug: s, id: w.id, description: "changed" }),
  },
  {
    path: "webhook.delete",
    permission: "webhook.manage",
    byId: true,
    prepare: newWebhook,
    call: (k, s, w) => k.webhook.delete({ tenantSlug: s, id: w.id }),
  },
  {
    path: "webhook.rotateSecret",
    permission: "webhook.manage",
    byId: true,
    prepare: newWebhook,
    call: (k, s, w) => k.webhook.rotateSecret({ tenantSlug: s, id: w.id }),
  },
  {
    path: "webhook.deliveries",
    permission: "webhook.manage",
    byId: true,
    prepare: newWebhook,
    call: (k, s, w) => k.webhook.deliveries({ tenantSlug: s, id: w.id }),
  },
  {
    path: "webhook.replay",
    permission: "webhook.manage",
    byId: true,
    prepare: newDelivery,
    call: (k, s, d) => k.webhook.replay({ tenantSlug: s, deliveryId: d.deliveryId }),
  },
  {
    path: "webhook.sendTest",
    permission: "webhook.manage",
    byId: true,
    prepare: newWebhook,
    call: (k, s, w) => k.webhook.sendTest({ tenantSlug: s, id: w.id }),
  },
];

let ctx: Ctx;
beforeAll(async () => {
  const w = await createRoleWorld();
  ctx = { w, owner: callerAs(w.users.owner), slug: w.tenant.slug };
});

const namespaces = ["alertRule", "alarm", "notification", "webhook"];

describe("every alerts/notifications/webhooks procedure has a case", () => {
  it("lists each procedure of these routers exactly once", () => {
    const all = Object.keys(appRouter._def.procedures)
      .filter((p) => namespaces.includes(p.split(".")[0]!))
      .sort();
    expect(cases.map((c) => c.path).sort()).toEqual(all);
  });
});

describe.each(cases)("$path (needs $permission)", (c) => {
  it.each([...roles])("as %s: allowed exactly when the role has the permission", async (role: Role) => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    const got = await codeOf(c.call(callerAs(ctx.w.users[role]), ctx.slug, prep));
    expect(got).toBe(can(role, c.permission) ? "OK" : "FORBIDDEN");
  });

  it("as a member of another tenant: NOT_FOUND", async () => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    expect(await codeOf(c.call(callerAs(ctx.w.outsider), ctx.slug, prep))).toBe("NOT_FOUND");
  });

  it("signed out: UNAUTHORIZED", async () => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    expect(await codeOf(c.call(callerAs(null), ctx.slug, prep))).toBe("UNAUTHORIZED");
  });

  if (c.byId) {
    it("with an id from another tenant, in the caller's own tenant: NOT_FOUND", async () => {
      const prep = await c.prepare!(ctx);
      expect(await codeOf(c.call(callerAs(ctx.w.outsider), ctx.w.outsiderTenant.slug, prep))).toBe("NOT_FOUND");
    });
  }
});
