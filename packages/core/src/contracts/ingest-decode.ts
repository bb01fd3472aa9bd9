import type { CompiledThingModel } from "../thing-model/compile";
import type { EventLevel } from "../thing-model/schema";
import type { ValueError } from "../thing-model/validate-values";
import type { PrimitiveValue } from "../thing-model/value-schema";
import type { TelemetryPoint } from "../telemetry/payload";
import { valueColumns } from "../telemetry/value-columns";

/**
 * Decoding of device data after its JSON was parsed, shared by MQTT (broker) and HTTP (device API):
 * values checked key by key against the compiled thing model, rows shaped for Postgres, the newest
 * value per key. Bad keys are refused on their own; the good keys of the same message are kept.
 */

export interface DeviceIds {
  tenantId: string;
  deviceId: string;
}

/** One telemetry row (the shape `@aspen/db` writes). */
export interface DecodedTelemetryRow {
  tenantId: string;
  deviceId: string;
  key: string;
  ts: number;
  valueNum: number | null;
  valueBool: boolean | null;
  valueStr: string | null;
}

/** One refused value: which key, at which point's timestamp, and why. */
export interface KeyError {
  key: string;
  reason: string;
  ts?: number;
}

export interface DecodedTelemetry {
  rows: DecodedTelemetryRow[];
  latest: Record<string, { ts: number; value: PrimitiveValue }>;
  /** Keys kept, per point (live view, ingest stream). */
  points: { ts: number; values: Record<string, PrimitiveValue> }[];
  /** Refused values; `ts` is set when `withTs` (several points in one message). */
  errors: KeyError[];
}

// Postgres text and jsonb cannot hold U+0000 or unpaired surrogates; refusing them here keeps one
// device's bytes from failing a whole batch.
function unstorable(s: string): boolean {
  return s.includes("\u0000") || !(s as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Moves keys or string values the database cannot store from `valid` to `errors`. */
export function dropUnstorable(valid: Record<string, unknown>, errors: ValueError[]): void {
  for (const key of Object.keys(valid)) {
    const v = valid[key];
    if (unstorable(key) || (typeof v === "string" && unstorable(v))) {
      delete valid[key];
      errors.push({ key: unstorable(key) ? "(invalid key)" : key, reason: "contains a NUL character or invalid UTF-16" });
    }
  }
}

/** A short summary of per-key errors (the device's "last errors", rejection reasons). */
export function describeKeyErrors(errors: readonly { key: string; reason: string }[]): string {
  return (
    errors
      .slice(0, 5)
      .map((e) => (e.key ? `${e.key}: ${e.reason}` : e.reason))
      .join("; ") + (errors.length > 5 ? `; and ${errors.length - 5} more` : "")
  );
}

/** Validates parsed telemetry points key by key into rows, newest values and kept points. */
export function decodeTelemetryPoints(
  ids: DeviceIds,
  compiled: CompiledThingModel,
  points: readonly TelemetryPoint[],
  withTs = false,
): DecodedTelemetry {
  const out: DecodedTelemetry = { rows: [], latest: {}, points: [], errors: [] };
  for (const point of points) {
    const { valid, errors } = compiled.validateTelemetry(point.values);
    dropUnstorable(valid, errors);
    for (const e of errors) out.errors.push(withTs ? { key: e.key, reason: e.reason, ts: point.ts } : e);
    const keys = Object.keys(valid);
    if (keys.length === 0) continue;
    out.points.push({ ts: point.ts, values: valid });
    for (const key of keys) {
      const value = valid[key]!;
      // Built field by field: `{ ...ids, ...valueColumns(v) }` cost ~4 µs per row in the broker (V8
      // gives the double spread a slow object shape), more than the whole rest of the publish path.
      const cols = valueColumns(value);
      out.rows.push({
        tenantId: ids.tenantId,
        deviceId: ids.deviceId,
        key,
        ts: point.ts,
        valueNum: cols.valueNum,
        valueBool: cols.valueBool,
        valueStr: cols.valueStr,
      });
      const prev = out.latest[key];
      if (!prev || point.ts >= prev.ts) out.latest[key] = { ts: point.ts, value };
    }
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reported attributes: the thing model's properties (any subset), checked key by key. */
export function decodeReported(
  compiled: CompiledThingModel,
  json: Record<string, unknown>,
): { values: Record<string, PrimitiveValue>; errors: KeyError[] } {
  const { valid, errors } = compiled.validateTelemetry(json);
  dropUnstorable(valid, errors);
  return { values: valid, errors };
}

/** An event row (the shape `@aspen/db` writes). */
export interface DecodedEventRow extends DeviceIds {
  event: string;
  level: EventLevel;
  params: Record<string, unknown>;
  ts: number;
  /** Same key twice for a device = the same event (a redelivery). */
  dedupKey: string | null;
}

export type DecodedEvent =
  { ok: true; row: DecodedEventRow } | { ok: false; kind: "payload" | "validation"; reason: string; errors: KeyError[] };

/** How far an event's own `ts` may lie in the past and the future. */
export const eventTsWindow = { pastMs: 30 * 86_400_000, futureMs: 60_000 };

/**
 * An event (`v1/devices/me/events/<event>`, `POST /api/device/v1/events/<event>`): its params as a
 * JSON object, or `{"ts": ms, "params": {...}}` to give the time it happened (then a repeated
 * (event, ts) is recognised as a redelivery).
 */
export function decodeEvent(
  ids: DeviceIds,
  compiled: CompiledThingModel,
  eventLevels: ReadonlyMap<string, EventLevel>,
  event: string,
  json: unknown,
  now: number,
): DecodedEvent {
  let params: unknown = json;
  let ts = now;
  let dedupKey: string | null = null;
  if (isObject(json) && "ts" in json && "params" in json && Object.keys(json).length === 2) {
    const t = json.ts;
    if (typeof t !== "number" || !Number.isSafeInteger(t) || t < now - eventTsWindow.pastMs || t > now + eventTsWindow.futureMs) {
      return { ok: false, kind: "payload", reason: "ts must be milliseconds since 1970, at most 60 s ahead and 30 days back", errors: [] };
    }
    ts = t;
    params = json.params;
    dedupKey = `${event}:${ts}`;
  }
  const schema = compiled.event(event);
  const level = eventLevels.get(event);
  if (!schema || !level) {
    const reason = `unknown event "${event}": declare it in the thing model`;
    return { ok: false, kind: "validation", reason, errors: [{ key: "", reason }] };
  }
  const result = schema.safeParse(params ?? {});
  if (!result.success) {
    const errors = result.error.issues.flatMap((i): KeyError[] =>
      i.code === "unrecognized_keys"
        ? i.keys.map((k) => ({ key: k, reason: "unknown parameter" }))
        : [{ key: i.path.join("."), reason: i.message }],
    );
    return { ok: false, kind: "validation", reason: `event ${event}: ${describeKeyErrors(errors)}`, errors };
  }
  const values = result.data as Record<string, unknown>;
  const errors: ValueError[] = [];
  dropUnstorable(values, errors);
  if (errors.length > 0) return { ok: false, kind: "validation", reason: `event ${event}: ${describeKeyErrors(errors)}`, errors };
  return { ok: true, row: { tenantId: ids.tenantId, deviceId: ids.deviceId, event, level, params: values, ts, dedupKey } };
}
