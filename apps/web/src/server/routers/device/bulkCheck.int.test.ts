import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";

ensureTestEnv();

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

let w: RoleWorld;
let dev: ReturnType<typeof callerAs>;
let product: { id: string; name: string };
let existing: string;

beforeAll(async () => {
  w = await createRoleWorld();
  dev = callerAs(w.users.developer);
  product = await dev.product.create({ tenantSlug: w.tenant.slug, name: `Meter ${randomSuffix()}`, thingModel: {} });
  existing = `taken-${randomSuffix()}`;
  await dev.device.create({ tenantSlug: w.tenant.slug, name: existing, productId: product.id });
});

describe("device.bulkCheck", () => {
  it("reports every row as bulkCreate would decide, existing names included, and creates nothing", async () => {
    const tag = randomSuffix();
    const res = await dev.device.bulkCheck({
      tenantSlug: w.tenant.slug,
      rows: [
        { name: `ok-${tag}-1`, product: product.name },
        { name: existing, product: product.id },
        { name: `ok-${tag}-2`, product: "No Such Product" },
        { name: `ok-${tag}-1`, product: product.name },
        { name: `ok-${tag}-3`, product: product.name, labels: "not a label" },
      ],
    });
    expect(res.valid).toBe(1);
    expect(res.rows.map((r) => r.ok)).toEqual([true, false, false, false, false]);
    expect(res.rows[1]!.problems).toEqual([expect.objectContaining({ field: "name", kind: "taken" })]);
    expect(res.rows[2]!.problems).toEqual([expect.objectContaining({ field: "product", kind: "unknown" })]);
    expect(res.rows[3]!.problems).toEqual([expect.objectContaining({ field: "name", kind: "duplicate", firstRow: 0 })]);
    expect(res.rows[4]!.problems).toEqual([expect.objectContaining({ field: "labels", kind: "syntax" })]);
    const list = await dev.device.list({ tenantSlug: w.tenant.slug, search: `ok-${tag}`, page: 1, pageSize: 10 });
    expect(list.total).toBe(0);
  });

  it("agrees with bulkCreate: rows it passes are created", async () => {
    const rows = [{ name: `agree-${randomSuffix()}`, product: product.id, labels: "site=berlin" }];
    expect((await dev.device.bulkCheck({ tenantSlug: w.tenant.slug, rows })).valid).toBe(1);
    expect((await dev.device.bulkCreate({ tenantSlug: w.tenant.slug, rows })).count).toBe(1);
    const again = await dev.device.bulkCheck({ tenantSlug: w.tenant.slug, rows });
    expect(again.rows[0]!.problems.map((p) => p.kind)).toEqual(["taken"]);
  });

  it("needs device.write and stays inside the caller's tenant", async () => {
    const rows = [{ name: `x-${randomSuffix()}`, product: product.name }];
    expect(await codeOf(callerAs(w.users.viewer).device.bulkCheck({ tenantSlug: w.tenant.slug, rows }))).toBe("FORBIDDEN");
    expect(await codeOf(callerAs(w.outsider).device.bulkCheck({ tenantSlug: w.tenant.slug, rows }))).toBe("NOT_FOUND");
    // In their own tenant the outsider does not see this tenant's products or names.
    const own = await callerAs(w.outsider).device.bulkCheck({
      tenantSlug: w.outsiderTenant.slug,
      rows: [{ name: existing, product: product.name }],
    });
    expect(own.rows[0]!.problems.map((p) => p.kind)).toEqual(["unknown"]);
  });
});
