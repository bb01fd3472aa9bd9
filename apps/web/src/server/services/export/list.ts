import { listExports as readExports } from "@aspen/db/history";
import { z } from "zod";
import { getEnv } from "../../../env";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { exportSchema, toExportDto } from "./dto";

export const listExportsInput = z.object({ limit: z.number().int().min(1).max(50).default(10) });
export const listExportsOutput = z.object({ items: z.array(exportSchema) });

/** The tenant's latest exports, newest first. */
export async function listExports(scope: Scope, input: z.output<typeof listExportsInput>): Promise<z.output<typeof listExportsOutput>> {
  assertAllowed(scope, "telemetry.export");
  const rows = await inTenant(scope, (tx) => readExports(tx, scope.tenant.id, input.limit));
  const max = getEnv().EXPORT_STREAM_MAX_ROWS;
  return { items: rows.map((r) => toExportDto(r, scope.tenant.slug, max)) };
}
