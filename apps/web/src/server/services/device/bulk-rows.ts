import { checkBulkRows, parsePublicId, type BulkRowProblem } from "@aspen/core";
import { existingDeviceNames, findProductsByNamesOrIds } from "@aspen/db";
import { inTenant, type Scope } from "../scope";

type Rows = Parameters<typeof checkBulkRows>[0];

/**
 * Checks bulk-import rows against the tenant as `bulkCreateDevices` and its dry run `bulkCheckDevices` both do:
 * core's row rules, the tenant's products (by `prd_…` id or by name) and the names already taken.
 */
export async function checkBulkRowsInTenant(scope: Scope, rows: Rows) {
  const refs = rows.map((r) => r.product.trim());
  const productIds = refs.map((ref) => (ref.startsWith("prd_") ? parsePublicId("prd", ref) : null));
  const productNames = [...new Set(refs.filter((_, i) => !productIds[i]))];
  const { taken, products } = await inTenant(scope, async (tx) => ({
    taken: new Set(
      await existingDeviceNames(
        tx,
        scope.tenant.id,
        rows.map((r) => r.name.trim()),
      ),
    ),
    products: await findProductsByNamesOrIds(
      tx,
      scope.tenant.id,
      productNames,
      productIds.filter((x): x is string => !!x),
    ),
  }));
  const productById = new Map(products.map((p) => [p.id, p]));
  const productByName = new Map(products.map((p) => [p.name, p]));
  const findProduct = (ref: string) => {
    const id = ref.startsWith("prd_") ? parsePublicId("prd", ref) : null;
    return id ? productById.get(id) : productByName.get(ref);
  };
  return checkBulkRows(rows, { findProduct, taken });
}

/** What a row problem says to the person importing (the console words `kind` in their language). */
export function bulkProblemMessage(name: string, p: BulkRowProblem): string {
  switch (p.kind) {
    case "missing":
      return p.field === "name" ? "Enter a device name" : "Name the product (its name or prd_… id)";
    case "invalid":
      return p.message;
    case "duplicate":
      return `"${name}" appears more than once in the file (first in row ${p.firstRow + 1})`;
    case "taken":
      return `A device named "${name}" already exists`;
    case "unknown":
      return `No product "${p.product}" in this tenant`;
    case "syntax":
      return 'Write labels as "key=value;key2=value2"';
  }
}
