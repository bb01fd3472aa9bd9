import { checkBulkRows, MAX_BULK_ROWS, type BulkRowProblem } from "@aspen/core/browser";
import Papa from "papaparse";
import type { Labels } from "./labels";

export { MAX_BULK_ROWS };

export interface BulkRow {
  /** 0-based position in the file (header excluded). */
  index: number;
  name: string;
  product: string;
  labelsText: string;
  labels: Labels;
  /** Problems found before sending, as message keys with values, or a server message. */
  errors: BulkRowError[];
}

export type BulkRowError =
  | { kind: "missingName" }
  | { kind: "name"; message: string }
  | { kind: "duplicateName" }
  | { kind: "unknownProduct"; product: string }
  | { kind: "badLabels" }
  | { kind: "taken" }
  | { kind: "server"; message: string };

export type ParseResult = { ok: true; rows: BulkRow[] } | { ok: false; error: "noRows" | "missingColumns" | "tooMany" };

/**
 * Reads a `name,product,labels` CSV and checks every row against what the
 * server will check: name format, duplicates in the file, a known product
 * (by name or `prd_…` id) and `k=v;k2=v2` labels.
 */
export function parseBulkCsv(text: string, products: readonly { id: string; name: string }[]): ParseResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes("name") || !fields.includes("product")) return { ok: false, error: "missingColumns" };
  if (parsed.data.length === 0) return { ok: false, error: "noRows" };
  if (parsed.data.length > MAX_BULK_ROWS) return { ok: false, error: "tooMany" };
  const known = new Set(products.flatMap((p) => [p.name, p.id]));
  const checked = checkBulkRows(
    parsed.data.map((raw) => ({ name: raw.name ?? "", product: raw.product ?? "", labels: (raw.labels ?? "").trim() })),
    { findProduct: (ref) => (known.has(ref) ? ref : undefined) },
  );
  const rows = checked.map((c): BulkRow => ({
    index: c.index,
    name: c.name,
    product: c.product,
    labelsText: (parsed.data[c.index]?.labels ?? "").trim(),
    labels: c.labels,
    errors: c.problems.map(rowError),
  }));
  return { ok: true, rows };
}

/** The row problems `@aspen/core` (or the server's `device.bulkCheck`) finds, as the kinds this page has messages for. */
export function rowError(p: BulkRowProblem): BulkRowError {
  switch (p.kind) {
    case "missing":
      return p.field === "name" ? { kind: "missingName" } : { kind: "unknownProduct", product: "" };
    case "invalid":
      return p.field === "name" ? { kind: "name", message: p.message } : { kind: "server", message: p.message };
    case "duplicate":
      return { kind: "duplicateName" };
    case "unknown":
      return { kind: "unknownProduct", product: p.product };
    case "syntax":
      return { kind: "badLabels" };
    case "taken":
      return { kind: "taken" };
  }
}

/** The credentials CSV header the server uses, for joining chunked downloads. */
export function joinCsv(parts: string[]): string {
  const [first, ...rest] = parts.filter(Boolean);
  if (!first) return "";
  const body = rest.map((p) => p.split("\n").slice(1).join("\n"));
  return [first.trimEnd(), ...body.map((b) => b.trimEnd())].filter(Boolean).join("\n") + "\n";
}

/** A CSV template users can fill in. */
export const bulkTemplate = "name,product,labels\nsensor-001,My product,site=berlin;floor=2\nsensor-002,My product,\n";
