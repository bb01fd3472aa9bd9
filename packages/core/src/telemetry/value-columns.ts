/** A telemetry value spread over the typed columns of a telemetry row; exactly one is set (or none). */
export interface ValueColumns {
  valueNum: number | null;
  valueBool: boolean | null;
  valueStr: string | null;
}

/**
 * Maps a value to its typed column: finite numbers, booleans and strings to their own column, objects
 * and arrays to `valueStr` as JSON, and anything else (null, NaN, undefined) to no column at all.
 */
export function valueColumns(v: unknown): ValueColumns {
  const cols: ValueColumns = { valueNum: null, valueBool: null, valueStr: null };
  if (typeof v === "number") {
    if (Number.isFinite(v)) cols.valueNum = v;
  } else if (typeof v === "boolean") {
    cols.valueBool = v;
  } else if (typeof v === "string") {
    cols.valueStr = v;
  } else if (typeof v === "object" && v !== null) {
    cols.valueStr = JSON.stringify(v);
  }
  return cols;
}
