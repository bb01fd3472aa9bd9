import { can, parsePublicId, roles, type Permission, type Role } from "@aspen/core";
import { withSystem } from "@aspen/db";
import { insertTelemetryRows } from "@aspen/db/broker";
import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { testThingModel } from "../../device-api/testing";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { appRouter } from "../_app";

ensureTestEnv();

type Caller = ReturnType<typeof callerAs>;
type Ctx = { owner: Caller; slug: string; tenantId: string };

/** Permission matrix of the history and export routers. */
interface Case {
  path: string;
  permission: Permission;
  prepare?: (c: Ctx) => Promise<unknown>;
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

const hourAgo = () => new Date(Date.now() - 3600_000);

/** A device with one stored temperature value (so that an export of the last hour is not empty). */
async function newDevice(c: Ctx) {
  const p = await c.owner.product.create({ tenantSlug: c.slug, name: `prod-${randomSuffix()}`, thingModel: testThingModel });
  const d = (await c.owner.device.create({ tenantSlug: c.slug, name: `dev-${randomSuffix()}`, productId: p.id })).device;
  await withSystem(getSystemDb(), (tx) =>
    insertTelemetryRows(tx, [
      {
        tenantId: c.tenantId,
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
  const d = await newDevice(c);
  return c.owner.telemetryExport.start({ tenantSlug: c.slug, deviceId: d.id, from: hourAgo(), to: new Date() });
}

const cases: Case[] = [
  {
    path: "history.series",
    permission: "device.read",
    prepare: newDevice,
    call: (k, s, d) =>
      k.history.series({ tenantSlug: s, series: [{ deviceId: d.id, key: "temperature" }], from: hourAgo(), to: new Date() }),
  },
  {
    path: "history.raw",
    permission: "device.read",
    prepare: newDevice,
    call: (k, s, d) => k.history.raw({ tenantSlug: s, deviceId: d.id, key: "temperature", from: hourAgo(), to: new Date() }),
  },
  {
    path: "telemetryExport.start",
    permission: "telemetry.export",
    prepare: newDevice,
    call: (k, s, d) => k.telemetryExport.start({ tenantSlug: s, deviceId: d.id, from: hourAgo(), to: new Date(), format: "jsonl" }),
  },
  {
    path: "telemetryExport.byId",
    permission: "telemetry.export",
    prepare: newExport,
    call: (k, s, e) => k.telemetryExport.byId({ tenantSlug: s, id: e.id }),
  },
  { path: "telemetryExport.list", permission: "telemetry.export", call: (k, s) => k.telemetryExport.list({ tenantSlug: s }) },
];

const namespaces = ["history", "telemetryExport"];

let w: RoleWorld;
let ctx: Ctx;

beforeAll(async () => {
  w = await createRoleWorld();
  ctx = { owner: callerAs(w.users.owner), slug: w.tenant.slug, tenantId: w.tenant.id };
});

describe("every history procedure is covered", () => {
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
    // list has no ids: in their own tenant the outsider sees their own (empty) list.
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
