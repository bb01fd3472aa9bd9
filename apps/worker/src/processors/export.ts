import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { exportEncoding } from "@aspen/core";
import { withSystem, type Database } from "@aspen/db";
import { expiredExportFiles, findExport, streamExportRows, updateExport } from "@aspen/db/history";
import { expireExportsJob, exportJob } from "@aspen/jobs";
import { UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";

/** A written export stays downloadable this long. */
export const exportFileLifetimeMs = 24 * 3_600_000;

/**
 * Large exports: streams the export's rows from a Postgres cursor into `<EXPORT_DIR>/<id>.<ext>` (via a
 * temporary file renamed at the end, so a half-written file is never served), with progress saved as it
 * goes, and deletes files past their 24 h expiry. Rerunning a job rewrites the same file.
 */
export function createExportProcessor(db: Database, exportDir: string, log?: Logger) {
  return async (job: Job) => {
    if (job.name === expireExportsJob.name) return expireExports(db, exportDir, Date.now());
    if (job.name !== exportJob.name) return;
    const { exportId, tenantId } = exportJob.schema.parse(job.data);
    return writeExportFile(db, exportDir, tenantId, exportId, log);
  };
}

export async function writeExportFile(db: Database, exportDir: string, tenantId: string, exportId: string, log?: Logger) {
  const row = await withSystem(db, (tx) => findExport(tx, tenantId, exportId));
  if (!row) throw new UnrecoverableError(`export ${exportId} not found`);
  if (row.status === "done" && row.fileName) return { rows: row.rowCount };
  const save = (values: Parameters<typeof updateExport>[3]) => withSystem(db, (tx) => updateExport(tx, tenantId, exportId, values));
  const enc = exportEncoding(row.format);
  const fileName = `${row.id}.${enc.extension}`;
  const partial = join(exportDir, `${fileName}.part`);
  await mkdir(exportDir, { recursive: true });
  await save({ status: "running", attempts: row.attempts + 1, error: null });
  const out = createWriteStream(partial);
  let rows = 0;
  let bytes = 0;
  let lastSaved = 0;
  try {
    const write = async (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    };
    if (enc.header) await write(enc.header);
    const target = row.deviceId ? { deviceId: row.deviceId, keys: row.keys } : { productId: row.productId!, keys: row.keys };
    for await (const batch of streamExportRows(db, tenantId, target, row.from, row.to, 5000)) {
      await write(batch.map(enc.line).join(""));
      rows += batch.length;
      if (rows - lastSaved >= 100_000) {
        lastSaved = rows;
        await save({ rowCount: rows, bytes });
      }
    }
    out.end();
    await once(out, "finish");
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    await save({ status: "failed", error: "Writing the export failed: start it again", rowCount: rows });
    throw err;
  }
  if (rows === 0) {
    await rm(partial, { force: true });
    await save({ status: "empty", rowCount: 0, bytes: 0, finishedAt: new Date() });
    return { rows };
  }
  await rename(partial, join(exportDir, fileName));
  const finishedAt = new Date();
  await save({
    status: "done",
    rowCount: rows,
    bytes,
    fileName,
    finishedAt,
    expiresAt: new Date(finishedAt.getTime() + exportFileLifetimeMs),
  });
  log?.info({ exportId, rows, bytes }, "export written");
  return { rows };
}

/** Deletes expired export files and forgets their names (the rows stay, shown as expired). */
export async function expireExports(db: Database, exportDir: string, now: number) {
  const expired = await withSystem(db, (tx) => expiredExportFiles(tx, new Date(now)));
  for (const e of expired) {
    if (!/^[0-9a-f-]{36}\.(csv|jsonl)$/.test(e.fileName)) continue;
    await rm(join(exportDir, e.fileName), { force: true });
    await withSystem(db, (tx) => updateExport(tx, e.tenantId, e.id, { fileName: null }));
  }
  return { deleted: expired.length };
}
