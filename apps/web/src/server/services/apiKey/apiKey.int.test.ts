import { hashSecret } from "@aspen/core";
import { schema, touchApiKey } from "@aspen/db";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getSystemDb } from "../../db";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";

ensureTestEnv();

let w: RoleWorld;
beforeAll(async () => {
  w = await createRoleWorld();
});

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return (err.cause as { reason?: string })?.reason ?? err.code;
    throw err;
  }
}

describe("API keys", () => {
  it("shows the key once, stores only its SHA-256 and a prefix", async () => {
    const owner = callerAs(w.users.owner);
    const made = await owner.apiKey.create({ tenantSlug: w.tenant.slug, name: "ci script", scopes: ["devices:read", "telemetry:read"] });
    expect(made.secret).toMatch(/^ak_[A-Za-z0-9_-]{43}$/);
    expect(made.apiKey.prefix).toBe(made.secret.slice(0, 11));
    expect(made.apiKey.id).toMatch(/^key_/);
    const [row] = await getSystemDb()
      .select()
      .from(schema.apiKeys)
      .where(eq(schema.apiKeys.secretHash, hashSecret(made.secret)));
    expect(row?.name).toBe("ci script");
    expect(JSON.stringify(row)).not.toContain(made.secret);
    const listed = await owner.apiKey.list({ tenantSlug: w.tenant.slug });
    const item = listed.items.find((k) => k.id === made.apiKey.id)!;
    expect(item.status).toBe("active");
    expect(JSON.stringify(listed)).not.toContain(made.secret);
  });

  it("refuses scopes beyond the creator's role and expiry in the past", async () => {
    const dev = callerAs(w.users.developer);
    expect(await reasonOf(dev.apiKey.create({ tenantSlug: w.tenant.slug, name: "x", scopes: ["audit:read"] }))).toBe("scope_beyond_role");
    expect(
      await reasonOf(
        dev.apiKey.create({ tenantSlug: w.tenant.slug, name: "x", scopes: ["devices:write"], expiresAt: new Date(Date.now() - 1000) }),
      ),
    ).toBe("invalid_input");
    expect(await reasonOf(dev.apiKey.create({ tenantSlug: w.tenant.slug, name: "x", scopes: ["devices:write"] }))).toBe("OK");
  });

  it("revokes once; another tenant's key id is not found", async () => {
    const owner = callerAs(w.users.owner);
    const made = await owner.apiKey.create({ tenantSlug: w.tenant.slug, name: "to revoke", scopes: ["devices:read"] });
    const revoked = await owner.apiKey.revoke({ tenantSlug: w.tenant.slug, id: made.apiKey.id });
    expect(revoked.status).toBe("revoked");
    expect(await reasonOf(owner.apiKey.revoke({ tenantSlug: w.tenant.slug, id: made.apiKey.id }))).toBe("not_found");
    const outsider = callerAs(w.outsider);
    const other = await owner.apiKey.create({ tenantSlug: w.tenant.slug, name: "other", scopes: ["devices:read"] });
    expect(await reasonOf(outsider.apiKey.revoke({ tenantSlug: w.outsiderTenant.slug, id: other.apiKey.id }))).toBe("not_found");
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const owner = callerAs(w.users.owner);
    const made = await owner.apiKey.create({ tenantSlug: w.tenant.slug, name: "touch", scopes: ["devices:read"] });
    const db = getSystemDb();
    const hash = hashSecret(made.secret);
    const t0 = new Date("2026-01-01T10:00:00Z");
    await touchApiKey(db, (await db.select().from(schema.apiKeys).where(eq(schema.apiKeys.secretHash, hash)))[0]!.id, t0);
    const id = (await db.select().from(schema.apiKeys).where(eq(schema.apiKeys.secretHash, hash)))[0]!.id;
    await touchApiKey(db, id, new Date(t0.getTime() + 30_000));
    expect((await db.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id)))[0]!.lastUsedAt).toEqual(t0);
    await touchApiKey(db, id, new Date(t0.getTime() + 61_000));
    expect((await db.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id)))[0]!.lastUsedAt).toEqual(
      new Date(t0.getTime() + 61_000),
    );
  });

  it("is invisible outside the tenant's RLS scope", async () => {
    const rows = await getDb().select().from(schema.apiKeys);
    expect(rows).toEqual([]);
  });
});
