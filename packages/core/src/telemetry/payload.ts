/** One set of values measured at one instant (ms since the epoch). */
export interface TelemetryPoint {
  ts: number;
  values: Record<string, unknown>;
}

export type ParseTelemetryResult = { ok: true; points: TelemetryPoint[] } | { ok: false; reason: string };

export interface TelemetryPayloadOptions {
  /** How far ahead of the server clock a timestamp may be. Default 60 s. */
  maxFutureMs?: number;
  /** How far behind the server clock a timestamp may be. Default 30 days. */
  maxPastMs?: number;
  /** Most points one payload may carry. Default 1000. */
  maxPoints?: number;
}

const DAY_MS = 86_400_000;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describeSpan(ms: number): string {
  if (ms % DAY_MS === 0) return `${ms / DAY_MS} day${ms === DAY_MS ? "" : "s"}`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

type Limits = Required<TelemetryPayloadOptions>;

function checkTs(ts: unknown, nowMs: number, limits: Limits): string | null {
  if (typeof ts !== "number" || !Number.isSafeInteger(ts) || ts < 0) {
    return "ts must be a whole number of milliseconds since 1970-01-01";
  }
  if (ts > nowMs + limits.maxFutureMs) {
    return `ts ${ts} is more than ${describeSpan(limits.maxFutureMs)} in the future; check the device clock`;
  }
  if (ts < nowMs - limits.maxPastMs) {
    const looksLikeSeconds = ts * 1000 >= nowMs - limits.maxPastMs && ts * 1000 <= nowMs + limits.maxFutureMs;
    const hint = looksLikeSeconds ? " (it looks like seconds: send milliseconds)" : "";
    return `ts ${ts} is more than ${describeSpan(limits.maxPastMs)} in the past${hint}`;
  }
  return null;
}

function parsePoint(item: unknown, nowMs: number, limits: Limits): TelemetryPoint | string {
  if (!isPlainObject(item)) return "each entry must be a JSON object";
  if ("ts" in item && "values" in item) {
    const extra = Object.keys(item).filter((k) => k !== "ts" && k !== "values");
    if (extra.length > 0) return `unexpected key "${extra[0]}" next to ts and values`;
    const tsError = checkTs(item.ts, nowMs, limits);
    if (tsError) return tsError;
    if (!isPlainObject(item.values)) return "values must be a JSON object";
    if (Object.keys(item.values).length === 0) return "values is empty";
    return { ts: item.ts as number, values: item.values };
  }
  if (Object.keys(item).length === 0) return "payload has no values";
  return { ts: nowMs, values: item };
}

/**
 * Reads a ThingsBoard telemetry payload: `{"k":v}` (now), `{"ts":ms,"values":{...}}`, or an array of
 * either. Rejects the whole payload, with a reason, if any entry is malformed or its timestamp is
 * out of range.
 */
export function parseTelemetryPayload(json: unknown, nowMs: number, opts: TelemetryPayloadOptions = {}): ParseTelemetryResult {
  const limits: Limits = {
    maxFutureMs: opts.maxFutureMs ?? 60_000,
    maxPastMs: opts.maxPastMs ?? 30 * DAY_MS,
    maxPoints: opts.maxPoints ?? 1000,
  };
  if (Array.isArray(json)) {
    if (json.length === 0) return { ok: false, reason: "payload is an empty array" };
    if (json.length > limits.maxPoints) {
      return { ok: false, reason: `payload has ${json.length} entries; at most ${limits.maxPoints} are allowed` };
    }
  } else if (!isPlainObject(json)) {
    return { ok: false, reason: "payload must be a JSON object or an array of objects" };
  }
  const items: unknown[] = Array.isArray(json) ? json : [json];
  const points: TelemetryPoint[] = [];
  for (const [i, item] of items.entries()) {
    const point = parsePoint(item, nowMs, limits);
    if (typeof point === "string") {
      return { ok: false, reason: Array.isArray(json) ? `entry ${i}: ${point}` : point };
    }
    points.push(point);
  }
  return { ok: true, points };
}
