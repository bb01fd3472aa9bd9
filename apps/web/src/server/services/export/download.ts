import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { can, exportEncoding, parsePublicId, type Role } from "@aspen/core";
import { findTenantMembership, withTenant } from "@aspen/db";
import { findExport, streamExportRows, updateExport, type ExportRecord } from "@aspen/db/history";
import { getEnv } from "../../../env";
import { isSessionCurrent } from "../../auth/session-state";
import { getDb, getSystemDb } from "../../db";
import { json } from "../../device-api/http";
import { logger } from "../../logger";
import { toExportDto } from "./dto";
import { exportFilePath } from "./files";

export interface DownloadSession {
  user?: { id?: string | null } | null;
  sessionVersion?: number;
  sessionId?: string;
}

const fail = (status: number, code: string, message: string) => json({ error: { code, message, details: null } }, status);

function fileNameOf(r: ExportRecord, extension: string): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `telemetry-${day(r.from)}-${day(r.to)}.${extension}`;
}

/**
 * `GET /api/export/<tenant>/<exp_…>`: downloads an export. Signed out → 401; not a member (or no
 * such tenant, or export) → 404; a role without `telemetry.export` → 403; expired → 410; a file
 * export not written yet → 409. A streamed export is read from a Postgres cursor and written as it
 * comes (the response carries `X-Export-Rows` for a progress bar); a file export is sent from disk.
 */
export async function handleExportDownload(
  req: Request,
  opts: { tenantSlug: string; exportId: string; getSession: () => Promise<DownloadSession | null> },
): Promise<Response> {
  const session = await opts.getSession();
  const userId = session?.user?.id;
  if (!userId) return fail(401, "unauthenticated", "Sign in to continue");
  if (typeof session.sessionVersion === "number" && !(await isSessionCurrent(userId, session.sessionVersion, session.sessionId))) {
    return fail(401, "unauthenticated", "Your session has ended: sign in again");
  }
  const found = await findTenantMembership(getSystemDb(), opts.tenantSlug, userId);
  if (!found) return fail(404, "not_found", "Export not found");
  if (!can(found.role, "telemetry.export")) {
    return fail(403, "forbidden", `Your role (${found.role}) does not allow this (needs telemetry.export). Ask an owner or admin.`);
  }
  const tenantId = found.tenant.id;
  const id = parsePublicId("exp", opts.exportId);
  const row = id ? await withTenant(getDb(), tenantId, (tx) => findExport(tx, tenantId, id)) : undefined;
  if (!row) return fail(404, "not_found", "Export not found");
  const env = getEnv();
  const dto = toExportDto(row, opts.tenantSlug, env.EXPORT_STREAM_MAX_ROWS);
  if (dto.status === "expired") return fail(410, "expired", "This export has expired: start a new one");
  const enc = exportEncoding(row.format);
  const headers = {
    "content-type": enc.contentType,
    "content-disposition": `attachment; filename="${fileNameOf(row, enc.extension)}"`,
    "cache-control": "no-store",
    "x-export-rows": String(row.expectedRows),
  };

  if (dto.mode === "file") {
    if (row.status !== "done" || !row.fileName) {
      return fail(
        409,
        "not_ready",
        row.status === "failed" ? `The export failed: ${row.error ?? "unknown error"}` : "The export is still being written",
      );
    }
    const path = exportFilePath(row.fileName);
    const size = await stat(path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) return fail(410, "expired", "This export's file is gone: start a new one");
    const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers: { ...headers, "content-length": String(size) } });
  }

  // Streamed from a cursor: each pull reads the next batch, so memory holds one batch at a time.
  const encoder = new TextEncoder();
  const batches = streamExportRows(
    getDb(),
    tenantId,
    row.deviceId ? { deviceId: row.deviceId, keys: row.keys } : { productId: row.productId!, keys: row.keys },
    row.from,
    row.to,
  );
  let rows = 0;
  let bytes = 0;
  let headerSent = false;
  const finish = (values: Parameters<typeof updateExport>[3]) =>
    withTenant(getDb(), tenantId, (tx) => updateExport(tx, tenantId, row.id, values)).catch((err: Error) =>
      logger.warn({ err: err.message, exportId: row.id }, "export status not saved"),
    );
  await finish({ status: "running" });
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerSent && enc.header) {
          headerSent = true;
          const chunk = encoder.encode(enc.header);
          bytes += chunk.byteLength;
          controller.enqueue(chunk);
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          await finish({ status: "done", rowCount: rows, bytes, finishedAt: new Date() });
          return;
        }
        rows += next.value.length;
        const chunk = encoder.encode(next.value.map(enc.line).join(""));
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
      } catch (err) {
        logger.error({ err, exportId: row.id }, "export stream failed");
        controller.error(err);
        await finish({ status: "failed", error: "The export stopped: try again" });
      }
    },
    async cancel() {
      await batches.return(undefined);
      await finish({ status: "queued", rowCount: rows });
    },
  });
  if (req.signal.aborted) await stream.cancel();
  return new Response(stream, { status: 200, headers });
}
