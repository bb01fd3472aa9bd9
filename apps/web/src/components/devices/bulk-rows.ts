import { deviceNameSchema, labelsSchema } from "@aspen/core";
import Papa from "papaparse";
import { parseLabels, type Labels } from "./labels";

export const MAX_BULK_ROWS = 1000;

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
  const seen = new Set<string>();
  const rows = parsed.data.map((raw, index): BulkRow => {
    const name = (raw.name ?? "").trim();
    const product = (raw.product ?? "").trim();
    const labelsText = (raw.labels ?? "").trim();
    const errors: BulkRowError[] = [];
    if (!name) errors.push({ kind: "missingName" });
    else {
      const valid = deviceNameSchema.safeParse(name);
      if (!valid.success) errors.push({ kind: "name", message: valid.error.issues[0]?.message ?? "Invalid name" });
      else if (seen.has(name)) errors.push({ kind: "duplicateName" });
      seen.add(name);
    }
    if (!known.has(product)) errors.push({ kind: "unknownProduct", product });
    const labels = parseLabels(labelsText);
    let parsedLabels: Labels = {};
    if (!labels.ok) errors.push({ kind: "badLabels" });
    else {
      const checked = labelsSchema.safeParse(labels.labels);
      if (!checked.success) errors.push({ kind: "server", message: checked.error.issues[0]?.message ?? "Invalid labels" });
      else parsedLabels = checked.data;
    }
    return { index, name, product, labelsText, labels: parsedLabels, errors };
  });
  return { ok: true, rows };
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
