import { valueColumns, type CompiledThingModel, type PrimitiveValue, type TelemetryPoint, type ValueError } from "@aspen/core";
import type { TelemetryRow } from "@aspen/db/broker";

/** One rejected value, as answered to the device: which key, at which timestamp, and why. */
export interface KeyError {
  key: string;
  reason: string;
  ts?: number;
}

// Postgres text and jsonb cannot hold U+0000 or unpaired surrogates: refuse them per key instead of
// failing the whole write.
function unstorable(s: string): boolean {
  return s.includes("\u0000") || !(s as string & { isWellFormed(): boolean }).isWellFormed();
}

function dropUnstorable(valid: Record<string, PrimitiveValue>, errors: ValueError[]): void {
  for (const key of Object.keys(valid)) {
    const v = valid[key];
    if (unstorable(key) || (typeof v === "string" && unstorable(v))) {
      delete valid[key];
      errors.push({ key: unstorable(key) ? "(invalid key)" : key, reason: "contains a NUL character or invalid UTF-16" });
    }
  }
}

/** A short summary of per-key errors for the device's "last errors". */
export function describeKeyErrors(errors: readonly KeyError[]): string {
  return (
    errors
      .slice(0, 5)
      .map((e) => (e.key ? `${e.key}: ${e.reason}` : e.reason))
      .join("; ") + (errors.length > 5 ? `; and ${errors.length - 5} more` : "")
  );
}

export interface DecodedTelemetry {
  rows: TelemetryRow[];
  latest: Record<string, { ts: number; value: PrimitiveValue }>;
  points: { ts: number; values: Record<string, PrimitiveValue> }[];
  errors: KeyError[];
}

/** Validates parsed telemetry points key by key: bad keys are refused on their own, good ones kept. */
export function decodeTelemetryPoints(
  ids: { tenantId: string; deviceId: string },
  compiled: CompiledThingModel,
  points: readonly TelemetryPoint[],
  multiple: boolean,
): DecodedTelemetry {
  const out: DecodedTelemetry = { rows: [], latest: {}, points: [], errors: [] };
  for (const point of points) {
    const { valid, errors } = compiled.validateTelemetry(point.values);
    dropUnstorable(valid, errors);
    for (const e of errors) out.errors.push(multiple ? { ...e, ts: point.ts } : { key: e.key, reason: e.reason });
    const keys = Object.keys(valid);
    if (keys.length === 0) continue;
    out.points.push({ ts: point.ts, values: valid });
    for (const key of keys) {
      const value = valid[key]!;
      out.rows.push({ ...ids, key, ts: point.ts, ...valueColumns(value) });
      const prev = out.latest[key];
      if (!prev || point.ts >= prev.ts) out.latest[key] = { ts: point.ts, value };
    }
  }
  return out;
}

/** Reported attributes: any subset of the properties, checked key by key. */
export function decodeReported(compiled: CompiledThingModel, values: Record<string, unknown>): { values: Record<string, PrimitiveValue>; errors: KeyError[] } {
  const { valid, errors } = compiled.validateTelemetry(values);
  dropUnstorable(valid, errors);
  return { values: valid, errors };
}
