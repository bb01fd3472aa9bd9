import type { PrimitiveValue } from "@aspen/core";
import type { Database } from "@aspen/db";
import { insertDeviceEvents, insertTelemetryRows, mergeReportedAttributes, writeTelemetryBatch } from "@aspen/db/broker";
import type { IngestItem } from "./item";

/** True for errors caused by the data (SQLSTATE 22xxx/23xxx): the batcher then splits the batch. */
export function isDataError(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string" && /^2[23]/.test(e.code)) return true;
  }
  return false;
}

/**
 * Writes one batch: telemetry alone in one statement (atomic by itself, no BEGIN/COMMIT round trips
 * on the hot path); with events or reported attributes, all in one transaction, the new shadow
 * versions set on the items.
 */
export function createWrite(db: Database): (items: IngestItem[]) => Promise<void> {
  return async function write(items: IngestItem[]) {
    const telemetry = items.flatMap((i) => i.telemetry);
    const events = items.flatMap((i) => (i.event ? [i.event] : []));
    const patches = new Map<string, Record<string, PrimitiveValue>>();
    for (const i of items) if (i.reported) patches.set(i.deviceId, { ...patches.get(i.deviceId), ...i.reported });
    if (events.length === 0 && patches.size === 0) {
      // One statement is atomic by itself: no BEGIN/COMMIT round trips on the hot path.
      await writeTelemetryBatch(db, telemetry);
      return;
    }
    await db.transaction(async (tx) => {
      if (telemetry.length > 0) await insertTelemetryRows(tx, telemetry);
      if (events.length > 0) await insertDeviceEvents(tx, events);
      if (patches.size > 0) {
        const versions = await mergeReportedAttributes(
          tx,
          [...patches].map(([deviceId, values]) => ({ deviceId, values })),
        );
        const byDevice = new Map(versions.map((v) => [v.deviceId, v.shadowVersion]));
        for (const i of items) if (i.reported) i.shadowVersion = byDevice.get(i.deviceId);
      }
    });
  };
}
