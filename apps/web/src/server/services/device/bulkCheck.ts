import { checkBulkRows, parsePublicId, type BulkRowProblem } from "@aspen/core";
import { existingDeviceNames, findProductsByNamesOrIds } from "@aspen/db";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { bulkCreateDevicesInput } from "./bulkCreate";

export const bulkCheckDevicesInput = bulkCreateDevicesInput;

const problemKinds = ["missing", "invalid", "duplicate", "taken", "unknown", "syntax"] as const;

export const bulkCheckDevicesOutput = z.object({
  /** How many rows would be created as they are. */
  valid: z.number().int(),
  rows: z.array(
    z.object({
      /** 0-based position in the input. */
      row: z.number().int(),
      ok: z.boolean(),
      problems: z.array(
        z.object({
          field: z.enum(["name", "product", "labels"]),
          /** Stable code the console words in the reader's language. */
          kind: z.enum(problemKinds),
          message: z.string(),
          /** For `duplicate`: the 0-based row where the name first appears. */
          firstRow: z.number().int().optional(),
        }),
      ),
    }),
  ),
});
type Output = z.output<typeof bulkCheckDevicesOutput>;

function describe(name: string, p: BulkRowProblem): Output["rows"][number]["problems"][number] {
  switch (p.kind) {
    case "missing":
      return {
        field: p.field,
        kind: p.kind,
        message: p.field === "name" ? "Enter a device name" : "Name the product (its name or prd_… id)",
      };
    case "invalid":
      return { field: p.field, kind: p.kind, message: p.message };
    case "duplicate":
      return {
        field: p.field,
        kind: p.kind,
        firstRow: p.firstRow,
        message: `"${name}" appears more than once in the file (first in row ${p.firstRow + 1})`,
      };
    case "taken":
      return { field: p.field, kind: p.kind, message: `A device named "${name}" already exists` };
    case "unknown":
      return { field: p.field, kind: p.kind, message: `No product "${p.product}" in this tenant` };
    case "syntax":
      return { field: p.field, kind: p.kind, message: 'Write labels as "key=value;key2=value2"' };
  }
}

/**
 * The dry run of `bulkCreateDevices`: checks every row exactly as it would (core's bulk-import
 * rules, the tenant's products, names already taken) and reports each row, creating nothing.
 * The console runs it before offering to create, so that the preview is what the server decides.
 */
export async function bulkCheckDevices(scope: Scope, input: z.output<typeof bulkCheckDevicesInput>): Promise<Output> {
  assertAllowed(scope, "device.write");
  const refs = input.rows.map((r) => r.product.trim());
  const ids = refs.flatMap((ref) => {
    const id = ref.startsWith("prd_") ? parsePublicId("prd", ref) : null;
    return id ? [id] : [];
  });
  const names = [...new Set(refs.filter((ref) => !ref.startsWith("prd_")))];
  const { taken, products } = await inTenant(scope, async (tx) => ({
    taken: new Set(
      await existingDeviceNames(
        tx,
        scope.tenant.id,
        input.rows.map((r) => r.name.trim()),
      ),
    ),
    products: await findProductsByNamesOrIds(tx, scope.tenant.id, names, ids),
  }));
  const byId = new Map(products.map((p) => [p.id, p]));
  const byName = new Map(products.map((p) => [p.name, p]));
  const findProduct = (ref: string) => {
    const id = ref.startsWith("prd_") ? parsePublicId("prd", ref) : null;
    return id ? byId.get(id) : byName.get(ref);
  };
  const checked = checkBulkRows(input.rows, { findProduct, taken });
  const rows = checked.map((c) => ({ row: c.index, ok: c.problems.length === 0, problems: c.problems.map((p) => describe(c.name, p)) }));
  return { valid: rows.filter((r) => r.ok).length, rows };
}
