import {
  decodeEvent as decodeDeviceEvent,
  decodeReported as decodeReportedValues,
  decodeTelemetryPoints,
  describeKeyErrors,
  parseTelemetryPayload,
  type DeviceIds,
  type PrimitiveValue,
} from "@aspen/core";
import type { DeviceEventRow, TelemetryRow } from "@aspen/db/broker";
import type { ProductModel } from "./thing-models";

export type { DeviceIds };

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

export interface DecodedTelemetry {
  rows: TelemetryRow[];
  latest: Record<string, { ts: number; value: PrimitiveValue }>;
  /** Keys kept (for the live view and the ingest stream), per point. */
  points: { ts: number; values: Record<string, PrimitiveValue> }[];
  rejection: Rejection | null;
}

/** Telemetry payload → rows (packages/core decoding); a bad key is refused on its own, the good keys of the same message are kept. */
export function decodeTelemetry(ids: DeviceIds, model: ProductModel, json: unknown, now: number): DecodedTelemetry {
  const parsed = parseTelemetryPayload(json, now);
  if (!parsed.ok) return { rows: [], latest: {}, points: [], rejection: { kind: "payload", reason: parsed.reason } };
  const d = decodeTelemetryPoints(ids, model.compiled, parsed.points);
  return {
    rows: d.rows,
    latest: d.latest,
    points: d.points,
    rejection: d.errors.length > 0 ? { kind: "validation", reason: describeKeyErrors(d.errors) } : null,
  };
}

/** Reported attributes: the thing model's properties (any subset); bad keys refused one by one. */
export function decodeReported(
  model: ProductModel,
  json: unknown,
): { values: Record<string, PrimitiveValue>; rejection: Rejection | null } {
  if (!isObject(json)) return { values: {}, rejection: { kind: "payload", reason: "attributes must be a JSON object" } };
  const d = decodeReportedValues(model.compiled, json);
  return { values: d.values, rejection: d.errors.length > 0 ? { kind: "validation", reason: describeKeyErrors(d.errors) } : null };
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
  const d = decodeDeviceEvent(ids, model.compiled, model.eventLevels, event, json, now);
  return d.ok ? { row: d.row, rejection: null } : { row: null, rejection: { kind: d.kind, reason: d.reason } };
}

/** `{"clientKeys":"a,b","sharedKeys":"c"}` (ThingsBoard) → key lists; absent lists mean "all". */
export function decodeAttributeRequest(json: unknown): { clientKeys: string[] | null; sharedKeys: string[] | null } {
  const keys = (v: unknown) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : Array.isArray(v)
        ? v.filter((s): s is string => typeof s === "string")
        : null;
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
      const reason = r.error.issues
        .slice(0, 3)
        .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
        .join("; ");
      return { status: "failed", response: json, error: `response does not match the thing model: ${reason}` };
    }
    return { status: "succeeded", response: r.data, error: null };
  }
  return { status: "succeeded", response: json, error: null };
}
