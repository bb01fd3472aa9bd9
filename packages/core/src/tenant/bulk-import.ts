import { deviceNameSchema } from "./device-name";
import { labelsSchema, parseLabelText, type Labels } from "./labels";

/** At most this many devices per bulk import (one request; the console sends bigger files in chunks). */
export const MAX_BULK_ROWS = 1000;

/** One row of a bulk import as read from the file: a device name, its product (name or `prd_…` id), labels. */
export interface BulkImportRow {
  name: string;
  product: string;
  /** Label text in the label grammar (`k=v;k2=v2`), or labels already parsed. */
  labels?: string | Labels;
}

/** Why a row cannot be imported; the browser turns these into its own messages, the server into field issues. */
export type BulkRowProblem =
  | { field: "name"; kind: "missing" }
  | { field: "name"; kind: "invalid"; message: string }
  | { field: "name"; kind: "duplicate"; firstRow: number }
  | { field: "name"; kind: "taken" }
  | { field: "product"; kind: "missing" }
  | { field: "product"; kind: "unknown"; product: string }
  | { field: "labels"; kind: "syntax"; text: string }
  | { field: "labels"; kind: "invalid"; message: string };

export interface CheckedBulkRow<P> {
  /** 0-based position in the file. */
  index: number;
  name: string;
  product: string;
  /** The row's product when found. */
  found: P | undefined;
  /** The parsed labels ({} when they are bad). */
  labels: Labels;
  problems: BulkRowProblem[];
}

/**
 * Checks every row of a bulk import the same way in the browser and on the server: a valid
 * device name not repeated in the file (nor already `taken`), a product `findProduct` knows, and
 * labels in the label grammar that pass `labelsSchema`. Names and products are trimmed.
 */
export function checkBulkRows<P>(
  rows: readonly BulkImportRow[],
  opts: { findProduct: (ref: string) => P | undefined; taken?: ReadonlySet<string> },
): CheckedBulkRow<P>[] {
  const firstRow = new Map<string, number>();
  return rows.map((raw, index) => {
    const name = raw.name.trim();
    const product = raw.product.trim();
    const problems: BulkRowProblem[] = [];
    if (!name) problems.push({ field: "name", kind: "missing" });
    else {
      const valid = deviceNameSchema.safeParse(name);
      const first = firstRow.get(name);
      if (!valid.success) problems.push({ field: "name", kind: "invalid", message: valid.error.issues[0]?.message ?? "Invalid name" });
      else if (first !== undefined) problems.push({ field: "name", kind: "duplicate", firstRow: first });
      else if (opts.taken?.has(name)) problems.push({ field: "name", kind: "taken" });
      if (first === undefined) firstRow.set(name, index);
    }
    const found = product ? opts.findProduct(product) : undefined;
    if (!product) problems.push({ field: "product", kind: "missing" });
    else if (found === undefined) problems.push({ field: "product", kind: "unknown", product });
    let labels: Labels = {};
    const text = raw.labels ?? "";
    const parsed = typeof text === "string" ? parseLabelText(text) : { ok: true as const, labels: text };
    if (!parsed.ok) problems.push({ field: "labels", kind: "syntax", text: parsed.text });
    else {
      const checked = labelsSchema.safeParse(parsed.labels);
      if (checked.success) labels = checked.data;
      else problems.push({ field: "labels", kind: "invalid", message: checked.error.issues[0]?.message ?? "Invalid labels" });
    }
    return { index, name, product, found, labels, problems };
  });
}
