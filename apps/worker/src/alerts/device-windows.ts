import { advanceWindows, copyWindows, type DeviceNeeds, type DeviceWindows, type Point, type PointView } from "@aspen/core";
import { compareStreamIds, parseWindows, type StateStore } from "./state-store";

/** A device of a read whose rules read more than one point: what they need, and its points in commit order. */
export interface WindowInput {
  needs: DeviceNeeds;
  points: (Point & { entry: number })[];
}

/** The shared windows and latest values of the devices in one read. */
export interface ReadWindows {
  /** Per device, the shared state before this read's points: each rule evaluates against its own copy. */
  start: Map<string, { windows: DeviceWindows["windows"]; latest: NonNullable<DeviceWindows["latest"]> }>;
  /** Per point, its windows' extremes and the latest values with it (absent: not known, a rule may hold). */
  views: Map<Point, PointView>;
  /** Writes the advanced state by compare-and-set, re-reading and re-applying on a conflict. */
  save(): Promise<void>;
}

/**
 * Loads the shared state of the devices in a read (one value per device) and adds the read's points to it. Points of
 * entries up to the stored last entry are already in (a read processed again after a crash) and are not added
 * twice. Saved after the rules' states, so a crash in between leaves it behind the states, never ahead of them.
 */
export async function prepareWindows(store: StateStore, entryIds: string[], inputs: Map<string, WindowInput>): Promise<ReadWindows> {
  const start: ReadWindows["start"] = new Map();
  const views = new Map<Point, PointView>();
  const lastId = entryIds[entryIds.length - 1];
  if (inputs.size === 0 || lastId === undefined) return { start, views, save: async () => {} };

  /** The value to write for a device given what is stored, or null when nothing new is to be added. */
  const advance = (deviceId: string, input: WindowInput, raw: string | null, first: boolean) => {
    const stored = parseWindows(raw);
    const state: DeviceWindows = stored ?? { v: 1, lastEntry: "0-0", windows: {}, latest: {} };
    if (first) start.set(deviceId, { windows: copyWindows(state.windows), latest: { ...state.latest } });
    if (stored && compareStreamIds(stored.lastEntry, lastId) >= 0) return null;
    const applied = stored ? entryIds.findLastIndex((id) => compareStreamIds(id, stored.lastEntry) <= 0) : -1;
    const fresh = input.points.filter((p) => p.entry > applied);
    const seen = advanceWindows(state, input.needs, fresh);
    if (first) fresh.forEach((p, i) => seen[i] && views.set(p, seen[i]));
    state.lastEntry = lastId;
    return { key: store.windowsKey(deviceId), expected: raw, next: state, deviceId, input };
  };

  const devices = [...inputs];
  const raw = await store.load(devices.map(([id]) => store.windowsKey(id)));
  let writes = devices.map(([id, input], i) => advance(id, input, raw[i] ?? null, true)).filter((w) => w !== null);
  return {
    start,
    views,
    async save() {
      for (let round = 0; writes.length > 0 && round < 5; round++) {
        const ok = await store.casMany(writes);
        const failed = writes.filter((_, i) => !ok[i]);
        if (failed.length === 0) return;
        const again = await store.load(failed.map((w) => w.key));
        writes = failed.map((w, i) => advance(w.deviceId, w.input, again[i] ?? null, false)).filter((w) => w !== null);
      }
    },
  };
}
