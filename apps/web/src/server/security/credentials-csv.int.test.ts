import { randomSuffix } from "@aspen/db/testing";
import { describe, expect, it } from "vitest";
import { callerAs, createRoleWorld, ensureTestEnv } from "../testing";

ensureTestEnv();

describe("credentials CSV", () => {
  it("a product name that a spreadsheet would run as a formula is written as text", async () => {
    const w = await createRoleWorld();
    const dev = callerAs(w.users.developer);
    const name = `=HYPERLINK("http://evil.example/${randomSuffix()}","x")`;
    const product = await dev.product.create({ tenantSlug: w.tenant.slug, name, thingModel: { properties: [], events: [], commands: [] } });
    const res = await dev.device.bulkCreate({
      tenantSlug: w.tenant.slug,
      rows: [{ name: `csv-${randomSuffix()}`, product: product.id, labels: "" }],
    });
    const row = res.credentialsCsv.trim().split("\n")[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/`);
    expect(row.split(",").some((cell) => /^"?=/.test(cell))).toBe(false);
  });
});
