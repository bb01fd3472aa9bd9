/** The export file formats. */
export const exportFormats = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** One exported telemetry value. */
export interface ExportRow {
  ts: Date;
  /** Public device id (`dev_…`). */
  deviceId: string;
  device: string;
  key: string;
  value: number | boolean | string | null;
}

export const csvHeader = "ts,device_id,device,key,value\n";

/** A CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

// Spreadsheet apps run cells that start with these as formulas: prefix them so a device cannot plant one.
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV line (with newline). Strings that look like formulas get a leading apostrophe. */
export function csvLine(r: ExportRow): string {
  const value =
    r.value === null
      ? ""
      : typeof r.value === "string"
        ? csvField(formulaStart.test(r.value) && Number.isNaN(Number(r.value)) ? `'${r.value}` : r.value)
        : String(r.value);
  return `${r.ts.toISOString()},${csvField(r.deviceId)},${csvField(r.device)},${csvField(r.key)},${value}\n`;
}

/** One JSON Lines line (with newline). */
export function jsonLine(r: ExportRow): string {
  return `${JSON.stringify({ ts: r.ts.toISOString(), deviceId: r.deviceId, device: r.device, key: r.key, value: r.value })}\n`;
}

/** The line writer and the leading header of a format. */
export function exportEncoding(format: ExportFormat): {
  header: string;
  line: (r: ExportRow) => string;
  contentType: string;
  extension: string;
} {
  return format === "csv"
    ? { header: csvHeader, line: csvLine, contentType: "text/csv; charset=utf-8", extension: "csv" }
    : { header: "", line: jsonLine, contentType: "application/x-ndjson; charset=utf-8", extension: "jsonl" };
}
