import type { DataType } from "../thing-model/data-spec";

/** Decimals shown for floats that declare none: enough for sensors, never binary noise like 20.790000000000003. */
export const defaultFloatDecimals = 2;

/** How many decimals a property's values are shown with: none for ints, `defaultFloatDecimals` for floats. */
export function propertyDecimals(spec: { type: DataType | string | null }): number {
  return spec.type === "int" ? 0 : defaultFloatDecimals;
}

/**
 * A number rounded half away from zero to the property's decimals, without trailing zeros
 * (21.5 stays 21.5, 20.790000000000003 becomes 20.79, an int's 49.5 becomes 50).
 */
export function roundToPrecision(value: number, spec: { type: DataType | string | null }): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** propertyDecimals(spec);
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
  return Object.is(rounded, -0) ? 0 : rounded;
}
