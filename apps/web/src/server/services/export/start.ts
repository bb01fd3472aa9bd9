import { exportFormats } from "@aspen/core";
import { findProductById } from "@aspen/db";
import { countExportRows, insertExport, type ExportTarget } from "@aspen/db/history";
import { exportJob } from "@aspen/jobs";
import { z } from "zod";
import { getEnv } from "../../../env";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { requireDeviceModel } from "../device/require";
import { assertRange, rangeShape, resolveSeries } from "../telemetry/history-scope";
import { exportLifetimeMs, exportSchema, toExportDto, type ExportDto } from "./dto";
import { getProducer } from "./files";

export const startExportInput = z
  .object({
    deviceId: publicIdInput("dev").optional(),
    productId: publicIdInput("prd").optional(),
    /** Only these keys (all when left out). */
    keys: z.array(z.string().min(1).max(128)).max(100).optional(),
    ...rangeShape,
    format: z.enum(exportFormats).default("csv"),
  })
  .refine((v) => (v.deviceId === undefined) !== (v.productId === undefined), {
    error: "Export one device (deviceId) or one product's devices (productId)",
    path: ["deviceId"],
  });
export const startExportOutput = exportSchema;

/**
 * Starts a telemetry export (CSV or JSON Lines) of a range for one device or all devices of a product.
 * Counts the rows first: a range without data is refused (`empty_range`) rather than giving an empty
 * file; up to EXPORT_STREAM_MAX_ROWS rows the download streams straight from a Postgres cursor, above
 * that the worker writes a file that can be downloaded for 24 hours.
 */
export async function startExport(scope: Scope, input: z.output<typeof startExportInput>): Promise<ExportDto> {
  assertAllowed(scope, "telemetry.export");
  const tenantId = scope.tenant.id;
  const maxStream = getEnv().EXPORT_STREAM_MAX_ROWS;
  const keys = input.keys && input.keys.length > 0 ? [...new Set(input.keys)] : null;
  const record = await inTenant(scope, async (tx) => {
    await assertRange(tx, tenantId, input.from, input.to);
    let target: ExportTarget;
    if (input.deviceId) {
      // Also refuses keys the device's thing model does not declare.
      if (keys)
        await resolveSeries(
          tx,
          tenantId,
          keys.map((key) => ({ deviceId: input.deviceId!, key })),
        );
      else await requireDeviceModel(tx, tenantId, input.deviceId);
      target = { deviceId: input.deviceId, keys };
    } else {
      const product = await findProductById(tx, tenantId, input.productId!);
      if (!product) throw notFound("Product");
      const declared = new Set((product.thingModel.properties ?? []).map((p) => p.identifier));
      const unknown = keys?.filter((k) => !declared.has(k)) ?? [];
      if (unknown.length > 0) {
        throw appError("BAD_REQUEST", "unknown_key", `Product ${product.name} has no property ${unknown.map((k) => `"${k}"`).join(", ")}`, [
          { path: "keys", message: `Unknown key ${unknown[0]}` },
        ]);
      }
      target = { productId: input.productId!, keys };
    }
    const expectedRows = await countExportRows(tx, tenantId, target, input.from, input.to, 50_000_000);
    if (expectedRows === 0) {
      throw appError(
        "BAD_REQUEST",
        "empty_range",
        "There is no data in that range: nothing to export. Choose another range or other properties.",
        [{ path: "from", message: "No data between from and to" }],
      );
    }
    return insertExport(tx, {
      tenantId,
      createdBy: actingUserId(scope),
      deviceId: target.deviceId ?? null,
      productId: target.productId ?? null,
      keys,
      from: input.from,
      to: input.to,
      format: input.format,
      expectedRows,
      // A streamed export can be downloaded again for a day; a file's expiry is set when it is written.
      expiresAt: expectedRows > maxStream ? null : new Date(Date.now() + exportLifetimeMs),
    });
  });
  if (record.expectedRows > maxStream) await getProducer().enqueue(exportJob, { exportId: record.id, tenantId });
  const dto = toExportDto(record, scope.tenant.slug, maxStream);
  await recordAudit(auditOf(scope), {
    action: "telemetry.export",
    targetType: input.deviceId ? "device" : "product",
    targetId: dto.deviceId ?? dto.productId ?? "",
    details: {
      export: dto.id,
      format: input.format,
      from: input.from.toISOString(),
      to: input.to.toISOString(),
      rows: record.expectedRows,
      mode: dto.mode,
    },
  });
  return dto;
}
