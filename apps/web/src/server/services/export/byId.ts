import { findExport } from "@aspen/db/history";
import { z } from "zod";
import { getEnv } from "../../../env";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { exportSchema, toExportDto, type ExportDto } from "./dto";

export const exportByIdInput = z.object({ id: publicIdInput("exp") });
export const exportByIdOutput = exportSchema;

/** One export of the tenant with its status and progress (rows written so far of those expected). */
export async function exportById(scope: Scope, input: z.output<typeof exportByIdInput>): Promise<ExportDto> {
  assertAllowed(scope, "telemetry.export");
  const row = await inTenant(scope, (tx) => findExport(tx, scope.tenant.id, input.id));
  if (!row) throw notFound("Export");
  return toExportDto(row, scope.tenant.slug, getEnv().EXPORT_STREAM_MAX_ROWS);
}
