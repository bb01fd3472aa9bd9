import { can, roles, type Role } from "@aspen/core";
import { createTestUser, randomSuffix } from "@aspen/db/testing";
import { users } from "@aspen/db/schema";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../db";
import { callerAs, codeOf, createRoleWorld, ensureTestEnv } from "../testing";
import { authedProcedure, publicProcedure, tenantProcedure } from "../trpc";
import { appRouter } from "./_app";
import { cases, platformProcedures, publicProcedures, type Caller, type Ctx } from "./permission-cases";

ensureTestEnv();
// The webhook cases register endpoints on loopback (nothing listens there; deliveries just queue).
process.env.WEBHOOK_ALLOW_LOOPBACK = "true";

/**
 * The permission matrix. Every procedure of the app router is classified from the router itself
 * (built on tenantProcedure, authedProcedure or only publicProcedure), so a new router cannot slip
 * past: a tenant-scoped procedure without an entry in `cases` fails the first test, and so does a
 * public procedure that is not in `publicProcedures`.
 *
 * To cover a new tenant-scoped procedure add one line to `cases` (in `permission-cases.ts`):
 *   "<router>.<procedure>": { permission, prepare?, input }
 * `prepare` makes fresh objects as the owner (once per check, so each role's call is independent);
 * `input` is the procedure's valid input without `tenantSlug` (added here). Each case is then called
 * as owner, admin, developer and viewer (allowed exactly when the role has `permission`, FORBIDDEN
 * otherwise), as a member of another tenant (NOT_FOUND), with this tenant's ids in that member's own
 * tenant (`otherTenant`, NOT_FOUND unless said), for an unknown slug (NOT_FOUND) and signed out
 * (UNAUTHORIZED).
 */

type Kind = "tenant" | "authed" | "public";

/** A procedure's kind, from the middlewares it was built with (the builders' own middleware functions). */
function kindOf(procedure: { _def: { middlewares: unknown[] } }): Kind {
  const last = (builder: unknown) => (builder as { _def: { middlewares: unknown[] } })._def.middlewares.at(-1);
  if (procedure._def.middlewares.includes(last(tenantProcedure))) return "tenant";
  if (procedure._def.middlewares.includes(last(authedProcedure))) return "authed";
  if (procedure._def.middlewares.includes(last(publicProcedure))) return "public";
  throw new Error("a procedure not built on publicProcedure: it escapes metrics and input-error handling");
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { middlewares: unknown[] } }>).map(
  ([path, p]) => ({
    path,
    kind: kindOf(p),
  }),
);
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

  it("lists every platform-operator (queue, platformTenant) procedure, each a signed-in procedure", () => {
    const queue = procedures.filter((p) => p.path.startsWith("queue.") || p.path.startsWith("platformTenant.")).map((p) => p.path);
    expect(Object.keys(platformProcedures).sort()).toEqual(queue.sort());
    for (const path of queue) expect(ofKind("authed")).toContain(path);
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

describe.each(Object.entries(publicProcedures).map(([path, p]) => ({ path, ...p })))("$path (public)", (p) => {
  it("signed out: answered by the procedure itself ($answer), not UNAUTHORIZED", async () => {
    const got = await call(callerAs(null), p.path, p.input()).then(
      () => ({ code: "OK", reason: undefined }),
      (err: unknown) => {
        if (!(err instanceof TRPCError)) throw err;
        return { code: err.code, reason: (err.cause as { reason?: string } | undefined)?.reason };
      },
    );
    expect(got.code).toBe(p.answer);
    // A BAD_REQUEST must be the procedure's own refusal (its reason), not an invalid test input.
    if (p.reason) expect(got.reason).toBe(p.reason);
  });
});

describe.each(Object.keys(platformProcedures))("%s (platform operators only)", (path) => {
  it("as the tenant's owner without platform_admin: FORBIDDEN", async () => {
    expect(await codeOf(call(ctx.owner, path, platformProcedures[path]?.(ctx)))).toBe("FORBIDDEN");
  });

  it("as a platform operator: allowed", async () => {
    const operator = await createTestUser(getSystemDb());
    await getSystemDb().update(users).set({ platformAdmin: true }).where(eq(users.id, operator.id));
    expect(await codeOf(call(callerAs(operator), path, platformProcedures[path]?.(ctx)))).toBe("OK");
  });
});
