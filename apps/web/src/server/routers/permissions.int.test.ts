import { can, publicId, roles, type Permission, type Role } from "@aspen/core";
import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../testing";
import { addTestMember, createTestUser } from "@aspen/db/testing";
import { getSystemDb } from "../db";
import { appRouter } from "./_app";

ensureTestEnv();

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
  events: [],
  commands: [{ identifier: "reboot", name: "Reboot" }],
};

async function newProduct(c: Ctx) {
  return c.owner.product.create({ tenantSlug: c.slug, name: `prod-${randomSuffix()}`, thingModel });
}
async function newDevice(c: Ctx) {
  const p = await newProduct(c);
  const d = await c.owner.device.create({ tenantSlug: c.slug, name: `dev-${randomSuffix()}`, productId: p.id });
  return d.device;
}
function newApp() {
  return {
    name: `app-${randomSuffix()}`,
    redirectUris: ["https://app.example.org/callback"],
    scopes: ["devices:read" as const],
    clientType: "confidential" as const,
  };
}
async function newViewer(c: Ctx) {
  const u = await createTestUser(getSystemDb());
  await addTestMember(getSystemDb(), c.w.tenant.id, u.id, "viewer");
  return publicId("usr", u.id);
}

/**
 * Every tenant-scoped procedure, the permission it needs and a valid call.
 * `prepare` makes fresh objects (as the owner) so each role's call is independent.
 */
interface Case {
  path: string;
  permission: Permission;
  prepare?: (c: Ctx) => Promise<unknown>;
  call: (caller: Caller, slug: string, prep: any) => Promise<unknown>;
}

const cases: Case[] = [
  { path: "tenant.bySlug", permission: "tenant.read", call: (k, s) => k.tenant.bySlug({ tenantSlug: s }) },
  { path: "tenant.update", permission: "tenant.update", call: (k, s) => k.tenant.update({ tenantSlug: s, name: `Renamed ${randomSuffix()}` }) },
  { path: "tenant.overview", permission: "tenant.read", call: (k, s) => k.tenant.overview({ tenantSlug: s }) },
  { path: "tenant.retention", permission: "tenant.read", call: (k, s) => k.tenant.retention({ tenantSlug: s }) },
  { path: "tenant.setRetention", permission: "tenant.update", call: (k, s) => k.tenant.setRetention({ tenantSlug: s, retentionDays: 30 }) },
  { path: "member.list", permission: "member.read", call: (k, s) => k.member.list({ tenantSlug: s, page: 1, pageSize: 20 }) },
  {
    path: "member.invite",
    permission: "member.invite",
    call: (k, s) => k.member.invite({ tenantSlug: s, email: `inv-${randomSuffix()}@test.aspen.dev`, role: "viewer" }),
  },
  { path: "member.invitations", permission: "member.invite", call: (k, s) => k.member.invitations({ tenantSlug: s, page: 1, pageSize: 20 }) },
  {
    path: "member.revokeInvitation",
    permission: "member.invite",
    prepare: (c) => c.owner.member.invite({ tenantSlug: c.slug, email: `inv-${randomSuffix()}@test.aspen.dev`, role: "viewer" }),
    call: (k, s, p) => k.member.revokeInvitation({ tenantSlug: s, invitationId: p.invitation.id }),
  },
  {
    path: "member.changeRole",
    permission: "member.update",
    prepare: newViewer,
    call: (k, s, userId) => k.member.changeRole({ tenantSlug: s, userId, role: "developer" }),
  },
  {
    path: "member.remove",
    permission: "member.remove",
    prepare: newViewer,
    call: (k, s, userId) => k.member.remove({ tenantSlug: s, userId }),
  },
  { path: "product.list", permission: "product.read", call: (k, s) => k.product.list({ tenantSlug: s, page: 1, pageSize: 20 }) },
  { path: "product.byId", permission: "product.read", prepare: newProduct, call: (k, s, p) => k.product.byId({ tenantSlug: s, id: p.id }) },
  {
    path: "product.create",
    permission: "product.write",
    call: (k, s) => k.product.create({ tenantSlug: s, name: `prod-${randomSuffix()}`, thingModel }),
  },
  {
    path: "product.update",
    permission: "product.write",
    prepare: newProduct,
    call: (k, s, p) => k.product.update({ tenantSlug: s, id: p.id, description: "changed" }),
  },
  { path: "product.delete", permission: "product.write", prepare: newProduct, call: (k, s, p) => k.product.delete({ tenantSlug: s, id: p.id }) },
  {
    path: "product.rotateProductSecret",
    permission: "product.write",
    prepare: newProduct,
    call: (k, s, p) => k.product.rotateProductSecret({ tenantSlug: s, id: p.id }),
  },
  { path: "device.list", permission: "device.read", call: (k, s) => k.device.list({ tenantSlug: s, page: 1, pageSize: 20 }) },
  { path: "device.byId", permission: "device.read", prepare: newDevice, call: (k, s, d) => k.device.byId({ tenantSlug: s, id: d.id }) },
  {
    path: "device.create",
    permission: "device.write",
    prepare: newProduct,
    call: (k, s, p) => k.device.create({ tenantSlug: s, name: `dev-${randomSuffix()}`, productId: p.id }),
  },
  {
    path: "device.bulkCreate",
    permission: "device.write",
    prepare: newProduct,
    call: (k, s, p) =>
      k.device.bulkCreate({
        tenantSlug: s,
        rows: [
          { name: `bulk-${randomSuffix()}`, product: p.name },
          { name: `bulk-${randomSuffix()}`, product: p.id, labels: "site=berlin" },
        ],
      }),
  },
  {
    path: "device.update",
    permission: "device.write",
    prepare: newDevice,
    call: (k, s, d) => k.device.update({ tenantSlug: s, id: d.id, labels: { site: "hamburg" } }),
  },
  {
    path: "device.setEnabled",
    permission: "device.write",
    prepare: newDevice,
    call: (k, s, d) => k.device.setEnabled({ tenantSlug: s, id: d.id, enabled: false }),
  },
  { path: "device.rotateSecret", permission: "device.secret", prepare: newDevice, call: (k, s, d) => k.device.rotateSecret({ tenantSlug: s, id: d.id }) },
  { path: "device.delete", permission: "device.write", prepare: newDevice, call: (k, s, d) => k.device.delete({ tenantSlug: s, id: d.id }) },
  { path: "audit.list", permission: "audit.read", call: (k, s) => k.audit.list({ tenantSlug: s, page: 1, pageSize: 20 }) },
  { path: "apiKey.list", permission: "apiKey.manage", call: (k, s) => k.apiKey.list({ tenantSlug: s }) },
  {
    path: "apiKey.create",
    permission: "apiKey.manage",
    call: (k, s) => k.apiKey.create({ tenantSlug: s, name: `key-${randomSuffix()}`, scopes: ["devices:read"] }),
  },
  {
    path: "apiKey.revoke",
    permission: "apiKey.manage",
    prepare: (c) => c.owner.apiKey.create({ tenantSlug: c.slug, name: `key-${randomSuffix()}`, scopes: ["devices:read"] }),
    call: (k, s, p) => k.apiKey.revoke({ tenantSlug: s, id: p.apiKey.id }),
  },
  { path: "oauthApp.list", permission: "oauthApp.manage", call: (k, s) => k.oauthApp.list({ tenantSlug: s }) },
  { path: "oauthApp.create", permission: "oauthApp.manage", call: (k, s) => k.oauthApp.create({ tenantSlug: s, ...newApp() }) },
  {
    path: "oauthApp.rotateSecret",
    permission: "oauthApp.manage",
    prepare: (c) => c.owner.oauthApp.create({ tenantSlug: c.slug, ...newApp() }),
    call: (k, s, p) => k.oauthApp.rotateSecret({ tenantSlug: s, id: p.app.id }),
  },
  {
    path: "oauthApp.delete",
    permission: "oauthApp.manage",
    prepare: (c) => c.owner.oauthApp.create({ tenantSlug: c.slug, ...newApp() }),
    call: (k, s, p) => k.oauthApp.delete({ tenantSlug: s, id: p.app.id }),
  },
  {
    path: "oauthApp.grants",
    permission: "oauthApp.manage",
    prepare: (c) => c.owner.oauthApp.create({ tenantSlug: c.slug, ...newApp() }),
    call: (k, s, p) => k.oauthApp.grants({ tenantSlug: s, id: p.app.id }),
  },
];

/** Procedures outside a tenant, with how an unauthenticated caller is treated. */
const userLevel: { path: string; call: (k: Caller) => Promise<unknown>; public?: true }[] = [
  { path: "auth.signup", public: true, call: (k) => k.auth.signup({ email: `x-${randomSuffix()}@test.aspen.dev`, name: "X", password: "long-enough-1" }) },
  { path: "auth.me", call: (k) => k.auth.me() },
  { path: "auth.changePassword", call: (k) => k.auth.changePassword({ current: "whatever-1", next: "another-pass-2" }) },
  { path: "auth.signOutEverywhere", call: (k) => k.auth.signOutEverywhere() },
  { path: "auth.setLocale", call: (k) => k.auth.setLocale({ locale: "zh-CN" }) },
  { path: "tenant.list", call: (k) => k.tenant.list({ page: 1, pageSize: 20 }) },
  { path: "tenant.create", call: (k) => k.tenant.create({ name: "Nope", slug: `nope-${randomSuffix()}` }) },
  { path: "invitation.byToken", public: true, call: (k) => k.invitation.byToken({ token: "x".repeat(43) }) },
  { path: "invitation.accept", call: (k) => k.invitation.accept({ token: "x".repeat(43) }) },
  { path: "oauthGrant.mine", call: (k) => k.oauthGrant.mine({}) },
  { path: "oauthGrant.revoke", call: (k) => k.oauthGrant.revoke({ id: "00000000-0000-4000-8000-000000000000" }) },
];

let ctx: Ctx;

beforeAll(async () => {
  const w = await createRoleWorld();
  ctx = { w, owner: callerAs(w.users.owner), slug: w.tenant.slug };
});

/** The routers of the Foundation issue; later routers bring their own permission tables. */
const namespaces = ["auth", "tenant", "member", "invitation", "product", "device", "audit", "apiKey", "oauthApp", "oauthGrant"];

describe("every procedure is covered by these tables", () => {
  it("lists each procedure of these routers exactly once", () => {
    const all = Object.keys(appRouter._def.procedures)
      .filter((p) => namespaces.includes(p.split(".")[0]!))
      .sort();
    const covered = [...cases.map((c) => c.path), ...userLevel.map((c) => c.path)].sort();
    expect(covered).toEqual(all);
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

  it("for an unknown tenant slug: NOT_FOUND, the same answer", async () => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    expect(await codeOf(c.call(ctx.owner, `no-such-${randomSuffix()}`, prep))).toBe("NOT_FOUND");
  });

  it("signed out: UNAUTHORIZED", async () => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    expect(await codeOf(c.call(callerAs(null), ctx.slug, prep))).toBe("UNAUTHORIZED");
  });

  if (c.prepare && /^(product|device|apiKey|oauthApp)\.(byId|update|delete|rotate|setEnabled|revoke|grants)/.test(c.path)) {
    it("with an id from another tenant, in the caller's own tenant: NOT_FOUND", async () => {
      const prep = await c.prepare!(ctx);
      const outsider = callerAs(ctx.w.outsider);
      expect(await codeOf(c.call(outsider, ctx.w.outsiderTenant.slug, prep))).toBe("NOT_FOUND");
    });
  }
});

describe.each(userLevel)("$path (user level)", (c) => {
  it(c.public ? "signed out: allowed (public)" : "signed out: UNAUTHORIZED", async () => {
    const got = await codeOf(c.call(callerAs(null)));
    if (c.public) expect(got).not.toBe("UNAUTHORIZED");
    else expect(got).toBe("UNAUTHORIZED");
  });
});
