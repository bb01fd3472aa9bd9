import { mergeNewest } from "@aspen/core";
import type { Database } from "@aspen/db";
import { applyDeviceStats, insertDeviceErrors, type DeviceErrorRow, type DeviceStats } from "@aspen/db/broker";
import type { Logger } from "pino";

type Latest = DeviceStats["latest"];

export interface DeviceRef {
  tenantId: string;
  deviceId: string;
}

export interface DeviceActivity {
  /** Counts accepted messages and keeps the newest value per key (after the batch is durable). */
  recordMessages(deviceId: string, messages: number, latest: Latest, seenAt: number): void;
  /** Counts a rejected message; writes a device_errors row unless the device is over its per-minute quota. */
  recordError(device: DeviceRef, kind: string, reason: string, topic: string | null): boolean;
  /** Writes what has accumulated (every second, and on shutdown). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

interface ErrorWindow {
  device: DeviceRef;
  start: number;
  written: number;
  suppressed: number;
}

/**
 * Derived device state (latest values, last seen, message and error counts) and the "last errors"
 * rows are written once a second in one statement each, off the publish path: a flood of bad
 * messages costs at most `errorRowsPerMinute` rows per device per minute, plus one summary row.
 */
export function createDeviceActivity(deps: { db: Database; log: Logger; errorRowsPerMinute: number; intervalMs?: number }): DeviceActivity {
  const { db, log } = deps;
  let stats = new Map<string, DeviceStats>();
  let errors: DeviceErrorRow[] = [];
  const windows = new Map<string, ErrorWindow>();
  let flushing: Promise<void> = Promise.resolve();

  const statsOf = (deviceId: string) => {
    let s = stats.get(deviceId);
    if (!s) {
      s = { deviceId, latest: {}, lastSeenAt: null, messages: 0, errors: 0 };
      stats.set(deviceId, s);
    }
    return s;
  };

  const closeWindow = (w: ErrorWindow, now: number) => {
    if (w.suppressed > 0) {
      errors.push({
        ...w.device,
        kind: "suppressed",
        reason: `${w.suppressed} more error${w.suppressed === 1 ? "" : "s"} in this minute were counted but not recorded`,
        topic: null,
        at: now,
      });
    }
    windows.delete(w.device.deviceId);
  };

  async function write() {
    const now = Date.now();
    for (const w of windows.values()) if (now - w.start >= 60_000) closeWindow(w, now);
    if (stats.size === 0 && errors.length === 0) return;
    const s = [...stats.values()];
    const e = errors;
    stats = new Map();
    errors = [];
    try {
      if (s.length > 0) await applyDeviceStats(db, s);
      if (e.length > 0) await insertDeviceErrors(db, e);
    } catch (err) {
      // Derived state only: log and move on rather than hold memory while the database is away.
      log.error({ err, devices: s.length, errors: e.length }, "could not write device activity");
    }
  }

  const flush = () => (flushing = flushing.then(write));
  const timer = setInterval(() => void flush(), deps.intervalMs ?? 1000);
  timer.unref();

  return {
    recordMessages(deviceId, messages, latest, seenAt) {
      const s = statsOf(deviceId);
      s.messages += messages;
      s.lastSeenAt = Math.max(s.lastSeenAt ?? 0, seenAt);
      mergeNewest(s.latest, latest);
    },
    recordError(device, kind, reason, topic) {
      statsOf(device.deviceId).errors++;
      const now = Date.now();
      let w = windows.get(device.deviceId);
      if (w && now - w.start >= 60_000) {
        closeWindow(w, now);
        w = undefined;
      }
      if (!w) {
        w = { device, start: now, written: 0, suppressed: 0 };
        windows.set(device.deviceId, w);
      }
      if (w.written >= deps.errorRowsPerMinute) {
        w.suppressed++;
        return false;
      }
      w.written++;
      errors.push({ ...device, kind, reason: reason.slice(0, 500), topic: topic?.slice(0, 300) ?? null, at: now });
      return true;
    },
    flush,
    async stop() {
      clearInterval(timer);
      for (const w of windows.values()) closeWindow(w, Date.now());
      await flush();
    },
  };
}
