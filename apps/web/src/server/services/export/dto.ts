import { exportFormats, publicId } from "@aspen/core";
import type { ExportRecord } from "@aspen/db/history";
import { z } from "zod";

export const exportSchema = z.object({
  id: z.string(),
  format: z.enum(exportFormats),
  deviceId: z.string().nullable(),
  productId: z.string().nullable(),
  keys: z.array(z.string()).nullable(),
  from: z.date(),
  to: z.date(),
  /** stream: downloaded straight from Postgres; file: written by the worker, downloadable for 24 h. */
  mode: z.enum(["stream", "file"]),
  status: z.enum(["queued", "running", "done", "failed", "empty", "expired"]),
  expectedRows: z.number(),
  rowCount: z.number(),
  bytes: z.number(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  /** Where to download it (GET, with the session cookie). */
  downloadUrl: z.string(),
});
export type ExportDto = z.output<typeof exportSchema>;

/** How long a written export file (and a streamable export) stays downloadable. */
export const exportLifetimeMs = 24 * 3_600_000;

export function toExportDto(r: ExportRecord, tenantSlug: string, streamMaxRows: number, now = Date.now()): ExportDto {
  const id = publicId("exp", r.id);
  const mode = r.expectedRows > streamMaxRows ? "file" : "stream";
  const expired = (r.expiresAt?.getTime() ?? now + 1) <= now || (mode === "file" && r.status === "done" && !r.fileName);
  return {
    id,
    format: r.format,
    deviceId: r.deviceId ? publicId("dev", r.deviceId) : null,
    productId: r.productId ? publicId("prd", r.productId) : null,
    keys: r.keys,
    from: r.from,
    to: r.to,
    mode,
    status: expired ? "expired" : r.status,
    expectedRows: r.expectedRows,
    rowCount: r.rowCount,
    bytes: r.bytes,
    error: r.error,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    expiresAt: r.expiresAt,
    downloadUrl: `/api/export/${encodeURIComponent(tenantSlug)}/${id}`,
  };
}
