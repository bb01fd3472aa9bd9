import { bigint, bigserial, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation } from "./_rls";
import { devices, products } from "./catalog";
import { users } from "./identity";
import { tenants } from "./tenancy";

// Rollups of numeric telemetry (booleans as 0/1): min, max, sum and count per bucket, so that avg =
// sum / count and coarser buckets (1 h from 1 min, a day from 1 h) combine exactly. The worker keeps
// them from `telemetry_dirty` (rollup processor); rows are replaced whole, so a rerun is a no-op.
const rollupColumns = {
  tenantId: uuid().notNull(),
  deviceId: uuid().notNull(),
  key: text().notNull(),
  bucket: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  min: doublePrecision().notNull(),
  max: doublePrecision().notNull(),
  sum: doublePrecision().notNull(),
  count: bigint({ mode: "number" }).notNull(),
};

export const telemetryRollup1m = pgTable("telemetry_rollup_1m", rollupColumns, (t) => [
  primaryKey({ name: "telemetry_rollup_1m_pkey", columns: [t.tenantId, t.deviceId, t.key, t.bucket] }),
  tenantIsolation(),
]);

export const telemetryRollup1h = pgTable("telemetry_rollup_1h", rollupColumns, (t) => [
  primaryKey({ name: "telemetry_rollup_1h_pkey", columns: [t.tenantId, t.deviceId, t.key, t.bucket] }),
  tenantIsolation(),
]);

/**
 * Minutes whose rollup is out of date: one row per (device, key, minute) of every telemetry insert
 * statement, written by a statement-level trigger on `telemetry` (custom migration). The rollup job
 * drains it (DELETE … RETURNING in its own transaction); duplicates are fine, so inserts never wait.
 */
export const telemetryDirty = pgTable(
  "telemetry_dirty",
  {
    // No index: the job claims rows by ctid (a queue drained every few seconds, scanned whole).
    id: bigserial({ mode: "number" }).notNull(),
    tenantId: uuid().notNull(),
    deviceId: uuid().notNull(),
    key: text().notNull(),
    bucket: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  () => [tenantIsolation()],
);

/** A telemetry export of a range for one device or a whole product, run by the worker when large. */
export const telemetryExports = pgTable(
  "telemetry_exports",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    deviceId: uuid().references(() => devices.id, { onDelete: "cascade" }),
    productId: uuid().references(() => products.id, { onDelete: "cascade" }),
    keys: text().array(),
    from: timestamp({ withTimezone: true }).notNull(),
    to: timestamp({ withTimezone: true }).notNull(),
    format: text({ enum: ["csv", "jsonl"] }).notNull(),
    status: text({ enum: ["queued", "running", "done", "failed", "empty"] })
      .notNull()
      .default("queued"),
    rowCount: bigint({ mode: "number" }).notNull().default(0),
    /** Rows the export is expected to hold (counted when it was started): the progress bar's total. */
    expectedRows: bigint({ mode: "number" }).notNull().default(0),
    bytes: bigint({ mode: "number" }).notNull().default(0),
    /** File name under EXPORT_DIR (never a path from input). */
    fileName: text(),
    error: text(),
    attempts: integer().notNull().default(0),
    createdAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true }),
    /** The file is deleted after this (24 h after it was written). */
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("telemetry_exports_tenant_idx").on(t.tenantId, t.createdAt), tenantIsolation()],
);

/** The rollup job's progress (one row, system state, not tenant data): rollups hold every row inserted before `rolledUpTo`. */
export const telemetryRollupState = pgTable("telemetry_rollup_state", {
  id: integer().primaryKey().default(1),
  rolledUpTo: timestamp({ withTimezone: true }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
