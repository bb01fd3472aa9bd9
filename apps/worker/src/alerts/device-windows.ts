import {
  advanceWindows,
  advanceWindowsWithin,
  copyWindows,
  emptyBounds,
  type DeviceNeeds,
  type DeviceWindows,
  type Point,
  type PointView,
  type ViewBounds,
} from "@aspen/core";
import { compareStreamIds, nextRevision, parseWindows, revisionLength, revisionOf, type StateStore } from "./state-store";

/** A device of a read whose rules read more than one point: what they need, and its points in commit order. */
export interface WindowInput {
  needs: DeviceNeeds;
  points: (Point & { entry: number })[];
}

/** The shared windows and latest values of the devices in one read. */
export interface ReadWindows {
  /** Per device, the shared state before this read's points: each rule evaluates against its own copy. */
  start: Map<string, { windows: DeviceWindows["windows"]; latest: NonNullable<DeviceWindows["latest"]> }>;
  /** Per device, the bounds of its points' views (absent: some point's view is not known, every rule may hold). */
  bounds: Map<string, ViewBounds>;
  /**
   * A device's view of each point: its windows' extremes and the latest values with it applied (undefined: not
   * known, a rule may hold). Built on first use, by adding the points again to a copy of the starting state: only
   * rules that their bounds do not rule out need them.
   */
  viewsOf(deviceId: string): (p: Point) => PointView | undefined;
  /** Writes the advanced state by compare-and-set, re-reading and re-applying on a conflict. */
  save(): Promise<void>;
}

/** Per store, each device's state as this process last wrote it, by revision: a read it wrote last skips the parse. */
const written = new WeakMap<StateStore, Map<string, { revision: string; state: DeviceWindows }>>();
const maxWritten = 100_000;
function writtenBy(store: StateStore) {
  let m = written.get(store);
  if (!m) written.set(store, (m = new Map<string, { revision: string; state: DeviceWindows }>()));
  return m;
}

/**
 * Loads the shared state of the devices in a read (one value per device) and adds the read's points to it. Points of
 * entries up to the stored last entry are already in (a read processed again after a crash) and are not added
 * twice. Saved after the rules' states, so a crash in between leaves it behind the states, never ahead of them.
 * Values carry a revision: a device whose stored revision is the one this process last wrote reuses that state
 * without reading or parsing the value, and a write compares revisions, not whole values.
 */
export async function prepareWindows(store: StateStore, entryIds: string[], inputs: Map<string, WindowInput>): Promise<ReadWindows> {
  const start: ReadWindows["start"] = new Map();
  const bounds = new Map<string, ViewBounds>();
  // Per device, how to build its views: the state before this read's points, and the points added to it.
  const replays = new Map<string, { latestTs: number | undefined; needs: DeviceNeeds; points: Point[] }>();
  const views = new Map<string, Map<Point, PointView>>();
  /** A device's views, by adding its points again to a copy of the state they started from (empty: not known). */
  const replay = (deviceId: string) => {
    const byPoint = new Map<Point, PointView>();
    const r = replays.get(deviceId);
    const from = start.get(deviceId);
    if (!r || !from) return byPoint;
    const before: DeviceWindows = { v: 1, lastEntry: "", windows: copyWindows(from.windows), latest: { ...from.latest } };
    if (r.latestTs !== undefined) before.latestTs = r.latestTs;
    const seen = advanceWindows(before, r.needs, r.points);
    r.points.forEach((p, i) => seen[i] && byPoint.set(p, seen[i]));
    return byPoint;
  };
  const viewsOf = (deviceId: string) => {
    const byPoint = views.get(deviceId) ?? replay(deviceId);
    views.set(deviceId, byPoint);
    return (p: Point) => byPoint.get(p);
  };
  const lastId = entryIds[entryIds.length - 1];
  if (inputs.size === 0 || lastId === undefined) return { start, bounds, viewsOf, save: async () => {} };
  const mine = writtenBy(store);

  /** The write for a device given its stored state (and what to compare it by), or null when nothing is to be added. */
  const advance = (deviceId: string, input: WindowInput, stored: DeviceWindows | null, expected: string, first: boolean) => {
    const state: DeviceWindows = stored ?? { v: 1, lastEntry: "0-0", windows: {}, latest: {} };
    if (first) start.set(deviceId, { windows: copyWindows(state.windows), latest: { ...state.latest } });
    if (stored && compareStreamIds(stored.lastEntry, lastId) >= 0) return null;
    const applied = stored ? entryIds.findLastIndex((id) => compareStreamIds(id, stored.lastEntry) <= 0) : -1;
    const fresh = input.points.filter((p) => p.entry > applied);
    if (first) replays.set(deviceId, { latestTs: state.latestTs, needs: input.needs, points: fresh });
    // The cached state is changed in place: it is no longer what is stored until the write succeeds.
    mine.delete(deviceId);
    const b = emptyBounds();
    advanceWindowsWithin(state, input.needs, fresh, b);
    // The bounds span only the fresh points: with some applied before (a read processed again), any rule may hold.
    if (first && fresh.length === input.points.length) bounds.set(deviceId, b);
    state.lastEntry = lastId;
    return { key: store.windowsKey(deviceId), expected, revision: nextRevision(), next: state, deviceId, input };
  };
  const fromRaw = (raw: string | null) => ({ stored: parseWindows(raw), expected: revisionOf(raw) });

  const devices = [...inputs];
  const keys = devices.map(([id]) => store.windowsKey(id));
  const prefixes = await store.loadPrefixes(keys, revisionLength);
  const known = devices.map(([id], i): { stored: DeviceWindows | null; expected: string } | null => {
    const w = mine.get(id);
    return w && w.revision === prefixes[i] ? { stored: w.state, expected: w.revision } : null;
  });
  const missing = devices.flatMap((_, i) => (known[i] ? [] : [i]));
  const raw = await store.load(missing.map((i) => keys[i] ?? ""));
  missing.forEach((at, j) => (known[at] = fromRaw(raw[j] ?? null)));
  let writes = devices
    .map(([id, input], i) => {
      const k = known[i] ?? fromRaw(null);
      return advance(id, input, k.stored, k.expected, true);
    })
    .filter((w) => w !== null);
  return {
    start,
    bounds,
    viewsOf,
    async save() {
      for (let round = 0; writes.length > 0 && round < 5; round++) {
        const ok = await store.casRevised(writes);
        if (mine.size + writes.length > maxWritten) mine.clear();
        writes.forEach((w, i) => ok[i] && mine.set(w.deviceId, { revision: w.revision, state: w.next }));
        const failed = writes.filter((_, i) => !ok[i]);
        if (failed.length === 0) return;
        const again = await store.load(failed.map((w) => w.key));
        writes = failed
          .map((w, i) => {
            const k = fromRaw(again[i] ?? null);
            return advance(w.deviceId, w.input, k.stored, k.expected, false);
          })
          .filter((w) => w !== null);
      }
    },
  };
}
