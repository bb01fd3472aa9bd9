import { can, publicId, roles, type Permission, type Role } from "@aspen/core";
import { addTestMember, createTestUser, randomSuffix } from "@aspen/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../db";
import { testThingModel } from "../device-api/testing";
import { callerAs, codeOf, createRoleWorld, ensureTestEnv, type RoleWorld } from "../testing";
import { authedProcedure, publicProcedure, tenantProcedure } from "../trpc";
import { appRouter } from "./_app";

ensureTestEnv();

/**
 * The permission matrix. Every procedure of the app router is classified from the router itself
 * (built on tenantProcedure, authedProcedure or only publicProcedure), so a new router cannot slip
 * past: a tenant-scoped procedure without an entry in `cases` fails the first test, and so does a
 * public procedure that is not in `publicProcedures`.
 *
 * To cover a new tenant-scoped procedure add one line to `cases`:
 *   "<router>.<procedure>": { permission, prepare?, input }
 * `prepare` makes fresh objects as the owner (once per check, so each role's call is independent);
 * `input` is the procedure's valid input without `tenantSlug` (added here). Each case is then called
 * as owner, admin, developer and viewer (allowed exactly when the role has `permission`, FORBIDDEN
 * otherwise), as a member of another tenant (NOT_FOUND), with this tenant's ids in that member's own
 * tenant (`otherTenant`, NOT_FOUND unless said), for an unknown slug (NOT_FOUND) and signed out
 * (UNAUTHORIZED).
 */

type Caller = ReturnType<typeof callerAs>;
type Ctx = { w: RoleWorld; owner: Caller; slug: string };

interface Case {
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

/** Every tenant-scoped procedure: the permission it needs and a valid call. */
const cases: Record<string, Case> = {
  "tenant.bySlug": { permission: "tenant.read", input: () => ({}) },
  "tenant.update": { permission: "tenant.update", input: () => ({ name: `Renamed ${randomSuffix()}` }) },
  "tenant.overview": { permission: "tenant.read", input: () => ({}) },

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
  "device.byId": { permission: "device.read", prepare: newDevice, input: (d) => ({ id: d.id }) },
  "device.create": { permission: "device.write", prepare: newProduct, input: (p) => ({ name: `dev-${randomSuffix()}`, productId: p.id }) },
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
  "device.update": { permission: "device.write", prepare: newDevice, input: (d) => ({ id: d.id, labels: { site: "hamburg" } }) },
  "device.setEnabled": { permission: "device.write", prepare: newDevice, input: (d) => ({ id: d.id, enabled: false }) },
  "device.rotateSecret": { permission: "device.secret", prepare: newDevice, input: (d) => ({ id: d.id }) },
  "device.delete": { permission: "device.write", prepare: newDevice, input: (d) => ({ id: d.id }) },

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
  "deviceShadow.updateDesired": { permission: "device.write", prepare: newDevice, input: (d) => ({ deviceId: d.id, desired: { on: true } }) },
  "command.send": { permission: "device.command", prepare: newDevice, input: (d) => ({ deviceId: d.id, method: "reboot", params: { delaySeconds: 1 } }) },
  "command.list": { permission: "device.read", prepare: newDevice, input: (d) => ({ deviceId: d.id, ...page }) },
  "command.byId": { permission: "device.read", prepare: newCommand, input: (c) => ({ id: c.id }) },

  "audit.list": { permission: "audit.read", input: () => page },
};

/** Procedures anyone may call, signed in or not — on purpose (adding one is a security decision), with a valid input. */
const publicProcedures: Record<string, () => unknown> = {
  "auth.signup": () => ({ email: `x-${randomSuffix()}@test.aspen.dev`, name: "X", password: "long-enough-1" }),
  "invitation.byToken": () => ({ token: "x".repeat(43) }),
};

type Kind = "tenant" | "authed" | "public";

/** A procedure's kind, from the middlewares it was built with (the builders' own middleware functions). */
function kindOf(procedure: { _def: { middlewares: unknown[] } }): Kind {
  const last = (builder: unknown) => (builder as { _def: { middlewares: unknown[] } })._def.middlewares.at(-1);
  if (procedure._def.middlewares.includes(last(tenantProcedure))) return "tenant";
  if (procedure._def.middlewares.includes(last(authedProcedure))) return "authed";
  if (procedure._def.middlewares.includes(last(publicProcedure))) return "public";
  throw new Error("a procedure not built on publicProcedure: it escapes metrics and input-error handling");
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { middlewares: unknown[] } }>).map(([path, p]) => ({
  path,
  kind: kindOf(p),
}));
const ofKind = (kind: Kind) => procedures.filter((p) => p.kind === kind).map((p) => p.path);

/** Calls the procedure at `path` ("device.byId") on a caller. */
function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller);
  return fn(input);
}

let ctx: Ctx;

beforeAll(async () => {
  const w = await createRoleWorld();
  ctx = { w, owner: callerAs(w.users.owner), slug: w.tenant.slug };
});

describe("the matrix covers the whole app router", () => {
  it("finds the procedures of every kind", () => {
    expect(ofKind("tenant").length).toBeGreaterThan(30);
    expect(ofKind("authed")).toContain("auth.me");
    expect(ofKind("public")).toContain("auth.signup");
  });

  it("has a case for every tenant-scoped procedure, and none for anything else", () => {
    expect(Object.keys(cases).sort()).toEqual(ofKind("tenant").sort());
  });

  it("lists every public procedure on purpose", () => {
    expect(ofKind("public").sort()).toEqual(Object.keys(publicProcedures).sort());
  });
});

describe.each(Object.entries(cases).map(([path, c]) => ({ path, ...c })))("$path (needs $permission)", (c) => {
  const prepared = async () => (c.prepare ? c.prepare(ctx) : undefined);
  const input = (slug: string, prep: unknown) => ({ ...c.input(prep), tenantSlug: slug });

  it.each([...roles])("as %s: allowed exactly when the role has the permission", async (role: Role) => {
    const prep = await prepared();
    const got = await codeOf(call(callerAs(ctx.w.users[role]), c.path, input(ctx.slug, prep)));
    expect(got).toBe(can(role, c.permission) ? "OK" : "FORBIDDEN");
  });

  it("as a member of another tenant: NOT_FOUND", async () => {
    const prep = await prepared();
    expect(await codeOf(call(callerAs(ctx.w.outsider), c.path, input(ctx.slug, prep)))).toBe("NOT_FOUND");
  });

  it("with this tenant's ids, in the outsider's own tenant: not found there", async () => {
    const prep = await prepared();
    const got = await codeOf(call(callerAs(ctx.w.outsider), c.path, input(ctx.w.outsiderTenant.slug, prep)));
    expect(got).toBe(c.otherTenant ?? (c.prepare ? "NOT_FOUND" : "OK"));
  });

  it("for an unknown tenant slug: NOT_FOUND, the same answer", async () => {
    const prep = await prepared();
    expect(await codeOf(call(ctx.owner, c.path, input(`no-such-${randomSuffix()}`, prep)))).toBe("NOT_FOUND");
  });

  it("signed out: UNAUTHORIZED", async () => {
    const prep = await prepared();
    expect(await codeOf(call(callerAs(null), c.path, input(ctx.slug, prep)))).toBe("UNAUTHORIZED");
  });
});

describe.each(ofKind("authed"))("%s (signed-in user, no tenant)", (path) => {
  it("signed out: UNAUTHORIZED (before its input is read)", async () => {
    expect(await codeOf(call(callerAs(null), path, undefined))).toBe("UNAUTHORIZED");
  });
});

describe.each(Object.keys(publicProcedures))("%s (public)", (path) => {
  it("signed out: answered, not UNAUTHORIZED", async () => {
    const got = await codeOf(call(callerAs(null), path, publicProcedures[path]?.()));
    // byToken with an unknown token is NOT_FOUND: the point is that no sign-in was asked for.
    expect(["OK", "NOT_FOUND"]).toContain(got);
  });
});
