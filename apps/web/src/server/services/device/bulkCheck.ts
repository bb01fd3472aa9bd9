import type { BulkRowProblem } from "@aspen/core";
import { z } from "zod";
import { assertAllowed, type Scope } from "../scope";
import { bulkProblemMessage, checkBulkRowsInTenant } from "./bulk-rows";
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
  const problem = { field: p.field, kind: p.kind, message: bulkProblemMessage(name, p) };
  return p.kind === "duplicate" ? { ...problem, firstRow: p.firstRow } : problem;
}

/**
 * The dry run of `bulkCreateDevices`: checks every row exactly as it would (core's bulk-import
 * rules, the tenant's products, names already taken) and reports each row, creating nothing.
 * The console runs it before offering to create, so that the preview is what the server decides.
 */
export async function bulkCheckDevices(scope: Scope, input: z.output<typeof bulkCheckDevicesInput>): Promise<Output> {
  assertAllowed(scope, "device.write");
  const checked = await checkBulkRowsInTenant(scope, input.rows);
  const rows = checked.map((c) => ({ row: c.index, ok: c.problems.length === 0, problems: c.problems.map((p) => describe(c.name, p)) }));
  return { valid: rows.filter((r) => r.ok).length, rows };
}
