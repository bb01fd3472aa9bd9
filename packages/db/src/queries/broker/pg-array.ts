/**
 * Postgres array literals for `unnest($1::uuid[], …)` batch statements: one parameter per column
 * instead of one per value, so a batch of any size is a single statement with seven parameters.
 * (postgres-js infers array element types from the first element and gets nulls and dates wrong.)
 */
export function textArray(values: readonly (string | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i];
    if (v === null || v === undefined) out += "NULL";
    // Most values (ids, keys) need no escaping: skip the regex for them (it dominated large batches).
    else if (v.indexOf('"') === -1 && v.indexOf("\\") === -1) out += `"${v}"`;
    else out += `"${v.replace(/[\\"]/g, "\\$&")}"`;
  }
  return `${out}}`;
}

/** Numbers (finite) or nulls; non-finite values become NULL. */
export function numberArray(values: readonly (number | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i];
    out += typeof v === "number" && Number.isFinite(v) ? String(v) : "NULL";
  }
  return `${out}}`;
}

export function boolArray(values: readonly (boolean | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = values[i];
    out += v === true ? "t" : v === false ? "f" : "NULL";
  }
  return `${out}}`;
}

/** JSON values as a jsonb[] literal. */
export function jsonArray(values: readonly unknown[]): string {
  return textArray(values.map((v) => (v === undefined ? null : JSON.stringify(v))));
}
