import { publicId } from "@aspen/core";
import { schema } from "@aspen/db";
import { createTestUser } from "@aspen/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getSystemDb } from "../../db";
import { callerAs, codeOf, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { announcePlanChange, forgetTenantPlan, planCacheSeconds, tenantPlan } from "./plan-cache";
import { makeKey, rest } from "./testing";

// Small plan limits through the operator override (the same variable production uses), set before
// anything reads the environment; restored for the next file.
const previous = vi.hoisted(() => {
  const was = process.env.API_RATE_PER_MINUTE;
  process.env.API_RATE_PER_MINUTE = "free:5,pro:12";
  return was;
});
afterAll(() => {
  if (previous === undefined) delete process.env.API_RATE_PER_MINUTE;
  else process.env.API_RATE_PER_MINUTE = previous;
});

ensureTestEnv();

let w: RoleWorld;
let operator: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  w = await createRoleWorld();
  operator = await createTestUser(getSystemDb());
  await getSystemDb().update(schema.users).set({ platformAdmin: true }).where(eq(schema.users.id, operator.id));
});

/** A key with no device scope: each call is counted and then refused by scope (no database work). */
const cheapKey = async (world: RoleWorld, tenant = world.tenant) =>
  (await makeKey(tenant === world.tenant ? world.users.owner : world.outsider, tenant.slug, ["tenant:read"])).secret;
const call = (token: string) => rest("GET", "/devices", { token });

describe("REST limits from the tenant's plan", () => {
  it("a free tenant's key is answered 429 with Retry-After and RateLimit headers on call 6 of 5", async () => {
    const key = await cheapKey(w);
    expect(await callerAs(w.users.owner).tenant.bySlug({ tenantSlug: w.tenant.slug })).toMatchObject({
      plan: "free",
      apiRequestsPerMinute: 5,
    });
    for (let i = 1; i <= 5; i++) {
      const r = await call(key);
      expect(r.status).toBe(403);
      expect(r.headers.get("ratelimit-limit")).toBe("5");
      expect(r.headers.get("ratelimit-remaining")).toBe(String(5 - i));
      expect(r.headers.get("retry-after")).toBeNull();
    }
    const limited = await call(key);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: "rate_limited", details: { limit: 5 } });
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-limit")).toBe("5");
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBe(retry);
  });

  it("another tenant's traffic does not consume this tenant's budget", async () => {
    const mine = await cheapKey(w);
    const theirs = await cheapKey(w, w.outsiderTenant);
    expect((await call(mine)).headers.get("ratelimit-remaining")).toBe("4");
    for (let i = 0; i < 5; i++) expect((await call(theirs)).status).toBe(403);
    expect((await call(theirs)).status).toBe(429);
    const after = await call(mine);
    expect(after.status).toBe(403);
    expect(after.headers.get("ratelimit-remaining")).toBe("3");
  });

  it("a tenant moved to pro gets pro's limit at once, keeping what it used this minute", async () => {
    const world = await createRoleWorld();
    const key = await cheapKey(world);
    for (let i = 0; i < 5; i++) await call(key);
    expect((await call(key)).status).toBe(429);
    const moved = await callerAs(operator).platformTenant.setPlan({ tenantId: publicId("ten", world.tenant.id), plan: "pro" });
    expect(moved).toEqual({ id: publicId("ten", world.tenant.id), plan: "pro", previous: "free" });
    // Six used (the refused one counts too), so six of twelve are left: the seventh call leaves five.
    const next = await call(key);
    expect(next.status).toBe(403);
    expect(next.headers.get("ratelimit-limit")).toBe("12");
    expect(next.headers.get("ratelimit-remaining")).toBe("5");
    for (let i = 0; i < 5; i++) expect((await call(key)).status).toBe(403);
    const limited = await call(key);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("ratelimit-limit")).toBe("12");
    // Members see their plan and its limit in the console.
    expect(await callerAs(world.users.viewer).tenant.bySlug({ tenantSlug: world.tenant.slug })).toMatchObject({
      plan: "pro",
      apiRequestsPerMinute: 12,
    });
    // The other tenant stays on free.
    expect((await call(await cheapKey(world, world.outsiderTenant))).headers.get("ratelimit-limit")).toBe("5");
  });

  it("a plan changed by another process is taken up when this process's cached plan expires", async () => {
    const world = await createRoleWorld();
    const key = await cheapKey(world);
    expect((await call(key)).headers.get("ratelimit-limit")).toBe("5");
    // As another web process would: the row changes, this process's cache does not hear of it.
    await getSystemDb().update(schema.tenants).set({ plan: "pro" }).where(eq(schema.tenants.id, world.tenant.id));
    expect((await call(key)).headers.get("ratelimit-limit")).toBe("5");
    // A minute later the cached plan is stale and read again.
    expect(await tenantPlan(world.tenant.id, Date.now() + planCacheSeconds * 1000 + 1)).toBe("pro");
    const after = await call(key);
    expect(after.headers.get("ratelimit-limit")).toBe("12");
    expect(after.headers.get("ratelimit-remaining")).toBe("9");
  });

  it("a plan changed and announced by another process is taken up at once", async () => {
    const world = await createRoleWorld();
    const key = await cheapKey(world);
    expect((await call(key)).headers.get("ratelimit-limit")).toBe("5");
    // As setTenantPlan in another web process: the row changes, then the change is announced over Redis.
    await getSystemDb().update(schema.tenants).set({ plan: "pro" }).where(eq(schema.tenants.id, world.tenant.id));
    await announcePlanChange(world.tenant.id);
    const deadline = Date.now() + 3000;
    let limit = (await call(key)).headers.get("ratelimit-limit");
    while (limit !== "12" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      limit = (await call(key)).headers.get("ratelimit-limit");
    }
    expect(limit).toBe("12");
  });
});

describe("the plan cache", () => {
  it("does not keep what a lookup read while the plan was being changed", async () => {
    const world = await createRoleWorld();
    const stale = Date.now() + planCacheSeconds * 1000 + 1;
    expect(await tenantPlan(world.tenant.id)).toBe("free");
    // A lookup that read `free` is still under way when an operator moves the tenant.
    let answer: (plan: string) => void = () => undefined;
    const during = tenantPlan(world.tenant.id, stale, () => new Promise<string>((resolve) => (answer = resolve)));
    await getSystemDb().update(schema.tenants).set({ plan: "enterprise" }).where(eq(schema.tenants.id, world.tenant.id));
    forgetTenantPlan(world.tenant.id);
    answer("free");
    expect(await during).toBe("free");
    // What it read is not kept: the next call asks Postgres.
    expect(await tenantPlan(world.tenant.id)).toBe("enterprise");
  });

  it("serves the last known plan when Postgres cannot answer, without keeping it", async () => {
    const world = await createRoleWorld();
    expect(await tenantPlan(world.tenant.id)).toBe("free");
    await getSystemDb().update(schema.tenants).set({ plan: "pro" }).where(eq(schema.tenants.id, world.tenant.id));
    const stale = Date.now() + planCacheSeconds * 1000 + 1;
    expect(await tenantPlan(world.tenant.id, stale, () => Promise.reject(new Error("connection refused")))).toBe("free");
    expect(await tenantPlan(world.tenant.id, stale)).toBe("pro");
  });
});

describe("platformTenant (setting plans)", () => {
  it("is refused to everyone but platform operators", async () => {
    const input = { tenantId: publicId("ten", w.tenant.id), plan: "enterprise" as const };
    for (const user of [w.users.owner, w.users.admin, w.users.developer, w.users.viewer, w.outsider]) {
      expect(await codeOf(callerAs(user).platformTenant.setPlan(input))).toBe("FORBIDDEN");
      expect(await codeOf(callerAs(user).platformTenant.list())).toBe("FORBIDDEN");
    }
    expect(await codeOf(callerAs(null).platformTenant.setPlan(input))).toBe("UNAUTHORIZED");
    const [row] = await getSystemDb().select({ plan: schema.tenants.plan }).from(schema.tenants).where(eq(schema.tenants.id, w.tenant.id));
    expect(row?.plan).toBe("free");
  });

  it("lists tenants with their plan, refuses unknown plans and tenants, and audits a change in the tenant", async () => {
    const world = await createRoleWorld();
    const k = callerAs(operator);
    const tenantId = publicId("ten", world.tenant.id);
    const listed = await k.platformTenant.list({ page: 1, pageSize: 20, q: world.tenant.slug });
    // The limits as enforced here: this file's override for free and pro, enterprise's own.
    expect(listed.planLimits).toEqual({ free: 5, pro: 12, enterprise: 12_000 });
    expect(listed.items).toEqual([expect.objectContaining({ id: tenantId, slug: world.tenant.slug, plan: "free", status: "active" })]);
    expect(await codeOf(k.platformTenant.setPlan({ tenantId, plan: "platinum" as "pro" }))).toBe("BAD_REQUEST");
    expect(await codeOf(k.platformTenant.setPlan({ tenantId: publicId("ten", crypto.randomUUID()), plan: "pro" }))).toBe("NOT_FOUND");
    await k.platformTenant.setPlan({ tenantId, plan: "enterprise" });
    await k.platformTenant.setPlan({ tenantId, plan: "enterprise" }); // no change: not audited again
    expect((await k.platformTenant.list({ page: 1, pageSize: 20, q: world.tenant.slug })).items[0]?.plan).toBe("enterprise");
    const audits = await getSystemDb()
      .select()
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.tenantId, world.tenant.id), eq(schema.auditLogs.action, "tenant.plan_change")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: operator.id, targetId: world.tenant.id, details: { from: "free", to: "enterprise" } });
  });
});
