import { can, roles, type Permission, type Role } from "@aspen/core";
import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { testThingModel } from "../../device-api/testing";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { appRouter } from "../_app";

ensureTestEnv();

type Caller = ReturnType<typeof callerAs>;

/** Permission matrix of the device-data routers (telemetry, deviceShadow, deviceActivity, command). */
interface Case {
  path: string;
  permission: Permission;
  prepare?: (c: { owner: Caller; slug: string }) => Promise<unknown>;
  call: (caller: Caller, slug: string, prep: any) => Promise<unknown>;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

async function newDevice(c: { owner: Caller; slug: string }) {
  const p = await c.owner.product.create({ tenantSlug: c.slug, name: `prod-${randomSuffix()}`, thingModel: testThingModel });
  const d = await c.owner.device.create({ tenantSlug: c.slug, name: `dev-${randomSuffix()}`, productId: p.id });
  return d.device;
}

async function newCommand(c: { owner: Caller; slug: string }) {
  const d = await newDevice(c);
  return c.owner.command.send({ tenantSlug: c.slug, deviceId: d.id, method: "reboot" });
}

const hourAgo = () => new Date(Date.now() - 3600_000);

const cases: Case[] = [
  { path: "telemetry.latest", permission: "device.read", prepare: newDevice, call: (k, s, d) => k.telemetry.latest({ tenantSlug: s, deviceId: d.id }) },
  {
    path: "telemetry.series",
    permission: "device.read",
    prepare: newDevice,
    call: (k, s, d) => k.telemetry.series({ tenantSlug: s, deviceId: d.id, key: "temperature", from: hourAgo(), to: new Date() }),
  },
  {
    path: "telemetry.events",
    permission: "device.read",
    prepare: newDevice,
    call: (k, s, d) => k.telemetry.events({ tenantSlug: s, deviceId: d.id, page: 1, pageSize: 20 }),
  },
  { path: "telemetry.overview", permission: "device.read", call: (k, s) => k.telemetry.overview({ tenantSlug: s }) },
  {
    path: "deviceActivity.connections",
    permission: "device.read",
    prepare: newDevice,
    call: (k, s, d) => k.deviceActivity.connections({ tenantSlug: s, deviceId: d.id, page: 1, pageSize: 20 }),
  },
  {
    path: "deviceActivity.errors",
    permission: "device.read",
    prepare: newDevice,
    call: (k, s, d) => k.deviceActivity.errors({ tenantSlug: s, deviceId: d.id, page: 1, pageSize: 20 }),
  },
  { path: "deviceShadow.get", permission: "device.read", prepare: newDevice, call: (k, s, d) => k.deviceShadow.get({ tenantSlug: s, deviceId: d.id }) },
  {
    path: "deviceShadow.updateDesired",
    permission: "device.write",
    prepare: newDevice,
    call: (k, s, d) => k.deviceShadow.updateDesired({ tenantSlug: s, deviceId: d.id, desired: { on: true } }),
  },
  {
    path: "command.send",
    permission: "device.command",
    prepare: newDevice,
    call: (k, s, d) => k.command.send({ tenantSlug: s, deviceId: d.id, method: "reboot", params: { delaySeconds: 1 } }),
  },
  {
    path: "command.list",
    permission: "device.read",
    prepare: newDevice,
    call: (k, s, d) => k.command.list({ tenantSlug: s, deviceId: d.id, page: 1, pageSize: 20 }),
  },
  { path: "command.byId", permission: "device.read", prepare: newCommand, call: (k, s, c) => k.command.byId({ tenantSlug: s, id: c.id }) },
];

const namespaces = ["telemetry", "deviceShadow", "deviceActivity", "command"];

let w: RoleWorld;
let ctx: { owner: Caller; slug: string };

beforeAll(async () => {
  w = await createRoleWorld();
  ctx = { owner: callerAs(w.users.owner), slug: w.tenant.slug };
});

describe("every device-data procedure is covered", () => {
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
    expect(await codeOf(c.call(callerAs(w.users[role]), ctx.slug, prep))).toBe(can(role, c.permission) ? "OK" : "FORBIDDEN");
  });

  it("as a member of another tenant: NOT_FOUND", async () => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    expect(await codeOf(c.call(callerAs(w.outsider), ctx.slug, prep))).toBe("NOT_FOUND");
  });

  it("with this tenant's ids in the outsider's own tenant: NOT_FOUND", async () => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    const got = await codeOf(c.call(callerAs(w.outsider), w.outsiderTenant.slug, prep));
    // overview has no ids: in their own tenant the outsider simply sees their own figures.
    expect(got).toBe(c.prepare ? "NOT_FOUND" : "OK");
  });

  it("for an unknown tenant slug: NOT_FOUND", async () => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    expect(await codeOf(c.call(ctx.owner, `no-such-${randomSuffix()}`, prep))).toBe("NOT_FOUND");
  });

  it("signed out: UNAUTHORIZED", async () => {
    const prep = c.prepare ? await c.prepare(ctx) : undefined;
    expect(await codeOf(c.call(callerAs(null), ctx.slug, prep))).toBe("UNAUTHORIZED");
  });
});
