import type { ConsoleLiveMessage } from "@/components/live/use-live-stream";
import type { RouterOutputs } from "@/trpc/types";

type Latest = RouterOutputs["telemetry"]["latest"];
type Series = RouterOutputs["telemetry"]["series"];
type DeviceLike = { enabled: boolean; online: boolean; status: "online" | "offline" | "disabled"; lastSeenAt: Date | null };
type CommandPage = RouterOutputs["command"]["list"];
type Telemetry = Extract<ConsoleLiveMessage, { type: "telemetry" }>;
type Presence = Extract<ConsoleLiveMessage, { type: "presence" }>;

/** Most points one chart keeps in memory (live points beyond are dropped oldest first). */
export const maxSeriesPoints = 5000;

/**
 * Latest values with live telemetry applied: newer values replace older ones; unknown keys are added.
 * Last seen becomes `receivedAt` (message timestamps are the device's, which may be old or ahead).
 */
export function applyTelemetryToLatest(latest: Latest, msgs: readonly Telemetry[], receivedAt: number): Latest {
  if (msgs.length === 0) return latest;
  const values = latest.values.map((v) => ({ ...v }));
  const lastSeen = Math.max(latest.lastSeenAt?.getTime() ?? 0, receivedAt);
  for (const m of msgs) {
    for (const [key, value] of Object.entries(m.values)) {
      const row = values.find((v) => v.key === key);
      if (!row) values.push({ key, name: key, type: null, unit: null, declared: false, ts: m.ts, value });
      else if (row.ts === null || row.ts <= m.ts) Object.assign(row, { ts: m.ts, value });
    }
  }
  return { ...latest, values, lastSeenAt: new Date(lastSeen) };
}

/** A chart's points with live values of its key appended (inside the query's window, in time order). */
export function appendToSeries(series: Series, msgs: readonly Telemetry[]): Series {
  const added = msgs
    .filter((m) => typeof m.values[series.key] === "number" && m.ts >= series.from && m.ts < series.to)
    .map((m) => {
      const v = m.values[series.key] as number;
      return { ts: m.ts, avg: v, min: v, max: v, count: 1 };
    });
  if (added.length === 0) return series;
  const points = [...series.points, ...added].sort((a, b) => a.ts - b.ts);
  return { ...series, points: points.length > maxSeriesPoints ? points.slice(points.length - maxSeriesPoints) : points };
}

/** A device (detail or list row) after a presence change. */
export function applyPresence<D extends DeviceLike>(device: D, m: Presence): D {
  const online = m.online;
  const lastSeenAt = new Date(Math.max(device.lastSeenAt?.getTime() ?? 0, m.at));
  return { ...device, online, lastSeenAt, status: device.enabled ? (online ? "online" : "offline") : "disabled" };
}

/** The last presence message per device of a batch (older ones are superseded). */
export function lastPresence(msgs: readonly ConsoleLiveMessage[]): Map<string, Presence> {
  const out = new Map<string, Presence>();
  for (const m of msgs) if (m.type === "presence" && (out.get(m.deviceId)?.at ?? -1) <= m.at) out.set(m.deviceId, m);
  return out;
}

/** A page of commands with live status changes applied (timestamps arrive with the refetch that follows). */
export function applyCommandStatus(page: CommandPage, msgs: readonly ConsoleLiveMessage[]): CommandPage {
  const status = new Map<string, string>();
  for (const m of msgs) if (m.type === "command") status.set(m.commandId, m.status);
  if (status.size === 0 || !page.items.some((c) => status.has(c.id))) return page;
  return {
    ...page,
    items: page.items.map((c) => (status.has(c.id) ? { ...c, status: status.get(c.id) as typeof c.status } : c)),
  };
}

/**
 * A refetched `latest` merged with what live updates already showed: the device row is written up
 * to a second after the values go live, so a refetch must not take a newer value back.
 */
export function mergeLatest(shown: Latest | undefined, fetched: Latest): Latest {
  if (!shown || shown.deviceId !== fetched.deviceId) return fetched;
  const newer = new Map(shown.values.filter((v) => v.ts !== null).map((v) => [v.key, v]));
  const values = fetched.values.map((v) => {
    const s = newer.get(v.key);
    return s && s.ts! > (v.ts ?? -Infinity) ? { ...v, ts: s.ts, value: s.value } : v;
  });
  for (const s of newer.values()) if (!values.some((v) => v.key === s.key)) values.push(s);
  const seen = Math.max(shown.lastSeenAt?.getTime() ?? 0, fetched.lastSeenAt?.getTime() ?? 0);
  return { ...fetched, values, lastSeenAt: seen ? new Date(seen) : null };
}
