/** Device labels as people type them: `k=v;k2=v2` in a CSV cell, or one `k=v` per line in a text box. */
export type Labels = Record<string, string>;

export type ParsedLabels = { ok: true; labels: Labels } | { ok: false; line: number; text: string };

/** Parses `k=v` pairs separated by `;` or new lines. Blank parts are skipped; a part without `=` fails. */
export function parseLabels(text: string): ParsedLabels {
  const labels: Labels = {};
  const parts = text.split(/[;\n]/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!.trim();
    if (!part) continue;
    const eq = part.indexOf("=");
    if (eq <= 0) return { ok: false, line: i + 1, text: part };
    labels[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { ok: true, labels };
}

/** The inverse of `parseLabels` with `separator` between pairs. */
export function formatLabels(labels: Labels | null | undefined, separator = "\n"): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(separator);
}
