/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a value a spreadsheet would run as a formula (`=HYPERLINK(…)`,
 * `+1`, `-2`, `@SUM`, a leading tab or CR) gets a leading `'` so it stays text;
 * then quoted when it holds a quote, comma or line break.
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const v = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
