import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";

ensureTestEnv();

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, reason: (err.cause as { reason?: string } | undefined)?.reason };
    throw err;
  }
  throw new Error("expected the call to be refused");
}

let w: RoleWorld;
beforeAll(async () => {
  w = await createRoleWorld();
});

describe("tenants", () => {
  it("create makes the creator owner; list shows it with the role", async () => {
    const me = callerAs(w.users.viewer);
    const slug = `acme-${randomSuffix()}`;
    const t = await me.tenant.create({ name: "  Acme Sensors  ", slug });
    expect(t).toMatchObject({ slug, name: "Acme Sensors", role: "owner", status: "active" });
    expect(t.id).toMatch(/^ten_/);
    expect(t.permissions).toContain("member.invite");
    const list = await me.tenant.list({ page: 1, pageSize: 50 });
    expect(list.items.map((x) => [x.slug, x.role])).toEqual(
      expect.arrayContaining([
        [slug, "owner"],
        [w.tenant.slug, "viewer"],
      ]),
    );
    expect(list.total).toBe(2);
  });

  it("refuses a taken slug with CONFLICT and a reserved or malformed one with BAD_REQUEST", async () => {
    expect(await refusal(callerAs(w.outsider).tenant.create({ name: "Copy", slug: w.tenant.slug }))).toEqual({
      code: "CONFLICT",
      reason: "slug_taken",
    });
    expect((await refusal(callerAs(w.outsider).tenant.create({ name: "Admin", slug: "admin" }))).code).toBe("BAD_REQUEST");
    expect((await refusal(callerAs(w.outsider).tenant.create({ name: "Bad", slug: "Bad Slug" }))).code).toBe("BAD_REQUEST");
  });

  it("bySlug gives the caller's role and permissions", async () => {
    const t = await callerAs(w.users.viewer).tenant.bySlug({ tenantSlug: w.tenant.slug });
    expect(t.role).toBe("viewer");
    expect(t.permissions).toEqual(["tenant.read", "member.read", "product.read", "device.read"]);
  });

  it("update renames; overview counts devices, products and members", async () => {
    const owner = callerAs(w.users.owner);
    const renamed = await owner.tenant.update({ tenantSlug: w.tenant.slug, name: "Renamed Co" });
    expect(renamed.name).toBe("Renamed Co");
    const p = await owner.product.create({
      tenantSlug: w.tenant.slug,
      name: `P ${randomSuffix()}`,
      thingModel: { properties: [{ identifier: "t", name: "T", type: "float" }] },
    });
    const d1 = await owner.device.create({ tenantSlug: w.tenant.slug, name: `a-${randomSuffix()}`, productId: p.id });
    await owner.device.create({ tenantSlug: w.tenant.slug, name: `b-${randomSuffix()}`, productId: p.id });
    await owner.device.setEnabled({ tenantSlug: w.tenant.slug, id: d1.device.id, enabled: false });
    const o = await owner.tenant.overview({ tenantSlug: w.tenant.slug });
    expect(o).toEqual({ devices: { total: 2, online: 0, disabled: 1 }, products: 1, members: 4 });
  });
});
