import { parseTelemetryPayload, valueColumns, type PrimitiveValue, type ValueError } from "@aspen/core";
import type { DeviceEventRow, TelemetryRow } from "@aspen/db/broker";
import type { ProductModel } from "./thing-models";

export interface DeviceIds {
  tenantId: string;
  deviceId: string;
}

/** Problems found in one message; `fatal` means nothing of it was kept. */
export interface Rejection {
  kind: "payload" | "validation";
  reason: string;
}

export function decodeJson(payload: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (payload.length === 0) return { ok: false, reason: "empty payload: send a JSON object" };
  try {
    return { ok: true, value: JSON.parse(payload.toString("utf8")) };
  } catch (err) {
    return { ok: false, reason: `malformed JSON: ${(err as Error).message.slice(0, 120)}` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// Postgres text and jsonb cannot hold U+0000 or unpaired surrogates; refusing them here keeps one
// device's bytes from failing a whole batch.
function unstorable(s: string): boolean {
  return s.includes("\u0000") || !(s as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Moves keys or string values the database cannot store from `valid` to `errors`. */
function dropUnstorable(valid: Record<string, PrimitiveValue>, errors: ValueError[]): void {
  for (const key of Object.keys(valid)) {
    const v = valid[key];
    if (unstorable(key) || (typeof v === "string" && unstorable(v))) {
      delete valid[key];
      errors.push({ key: unstorable(key) ? "(invalid key)" : key, reason: "contains a NUL character or invalid UTF-16" });
    }
  }
}

const describeErrors = (errors: ValueError[]) =>
  errors
    .slice(0, 5)
    .map((e) => (e.key ? `${e.key}: ${e.reason}` : e.reason))
    .join("; ") + (errors.length > 5 ? `; and ${errors.length - 5} more` : "");

export interface DecodedTelemetry {
  rows: TelemetryRow[];
  latest: Record<string, { ts: number; value: PrimitiveValue }>;
  /** Keys kept (for the live view), per point. */
  points: { ts: number; values: Record<string, PrimitiveValue> }[];
  rejection: Rejection | null;
}

/** Telemetry payload → rows; a bad key is refused on its own, the good keys of the same message are kept. */
export function decodeTelemetry(ids: DeviceIds, model: ProductModel, json: unknown, now: number): DecodedTelemetry {
  const out: DecodedTelemetry = { rows: [], latest: {}, points: [], rejection: null };
  const parsed = parseTelemetryPayload(json, now);
  if (!parsed.ok) {
    out.rejection = { kind: "payload", reason: parsed.reason };
    return out;
  }
  const errors: ValueError[] = [];
  for (const point of parsed.points) {
    const { valid, errors: pointErrors } = model.compiled.validateTelemetry(point.values);
    dropUnstorable(valid, pointErrors);
    errors.push(...pointErrors);
    const keys = Object.keys(valid);
    if (keys.length === 0) continue;
    out.points.push({ ts: point.ts, values: valid });
    for (const key of keys) {
      const value = valid[key]!;
      // Built field by field: `{ ...ids, ...valueColumns(v) }` cost ~4 µs per row here (V8 gives
      // the double spread a slow object shape), more than the whole rest of the publish path.
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
  if (errors.length > 0) out.rejection = { kind: "validation", reason: describeErrors(errors) };
  return out;
}

/** Reported attributes: the thing model's properties (any subset); bad keys refused one by one. */
export function decodeReported(model: ProductModel, json: unknown): { values: Record<string, PrimitiveValue>; rejection: Rejection | null } {
  if (!isObject(json)) return { values: {}, rejection: { kind: "payload", reason: "attributes must be a JSON object" } };
  const { valid, errors } = model.compiled.validateTelemetry(json);
  dropUnstorable(valid, errors);
  return { values: valid, rejection: errors.length > 0 ? { kind: "validation", reason: describeErrors(errors) } : null };
}

/**
 * An event on `v1/devices/me/events/<event>`: its params as a JSON object, or
 * `{"ts": ms, "params": {...}}` to give the time it happened.
 */
export function decodeEvent(
  ids: DeviceIds,
  model: ProductModel,
  event: string,
  json: unknown,
  now: number,
): { row: DeviceEventRow | null; rejection: Rejection | null } {
  const schema = model.compiled.event(event);
  const level = model.eventLevels.get(event);
  if (!schema || !level) return { row: null, rejection: { kind: "validation", reason: `unknown event "${event}": declare it in the thing model` } };
  let params: unknown = json;
  let ts = now;
  let dedupKey: string | null = null;
  if (isObject(json) && "ts" in json && "params" in json && Object.keys(json).length === 2) {
    const t = json.ts;
    if (typeof t !== "number" || !Number.isSafeInteger(t) || t < now - 30 * 86_400_000 || t > now + 60_000) {
      return { row: null, rejection: { kind: "payload", reason: "ts must be milliseconds since 1970, at most 60 s ahead and 30 days back" } };
    }
    ts = t;
    params = json.params;
    // A device-given time makes a redelivered event recognisable.
    dedupKey = `${ts}`;
  }
  const result = schema.safeParse(params ?? {});
  if (!result.success) {
    const reason = result.error.issues
      .slice(0, 5)
      .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("; ");
    return { row: null, rejection: { kind: "validation", reason: `event ${event}: ${reason}` } };
  }
  const values = result.data;
  const errors: ValueError[] = [];
  dropUnstorable(values, errors);
  if (errors.length > 0) return { row: null, rejection: { kind: "validation", reason: `event ${event}: ${describeErrors(errors)}` } };
  return { row: { ...ids, event, level, params: values, ts, dedupKey: dedupKey && `${event}:${dedupKey}` }, rejection: null };
}

/** `{"clientKeys":"a,b","sharedKeys":"c"}` (ThingsBoard) → key lists; absent lists mean "all". */
export function decodeAttributeRequest(json: unknown): { clientKeys: string[] | null; sharedKeys: string[] | null } {
  const keys = (v: unknown) =>
    typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : null;
  if (!isObject(json)) return { clientKeys: null, sharedKeys: null };
  return { clientKeys: keys(json.clientKeys), sharedKeys: keys(json.sharedKeys) };
}

export function pick(source: Record<string, unknown>, keys: string[] | null): Record<string, unknown> {
  if (keys === null) return source;
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(source, k)).map((k) => [k, source[k]]));
}

/**
 * A command response: `{"error": "..."}` fails the command; anything else succeeds, checked against
 * the command's declared output when it is an object.
 */
export function decodeRpcResponse(
  model: ProductModel | undefined,
  method: string,
  json: unknown,
): { status: "succeeded" | "failed"; response: unknown; error: string | null } {
  if (isObject(json) && typeof json.error === "string" && Object.keys(json).length <= 2) {
    return { status: "failed", response: json, error: json.error.slice(0, 500) };
  }
  const output = model?.compiled.commandOutput(method);
  if (output && isObject(json)) {
    const r = output.safeParse(json);
    if (!r.success) {
      const reason = r.error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
      return { status: "failed", response: json, error: `response does not match the thing model: ${reason}` };
    }
    return { status: "succeeded", response: r.data, error: null };
  }
  return { status: "succeeded", response: json, error: null };
}
