import type { IngestBatch } from "@aspen/core";
import { corkableSocket, type Corkable } from "../aedes-adapter";
import type { Metrics } from "../metrics";
import type { DeviceActivity } from "../state/device-activity";
import type { IngestItem } from "./item";
import type { RedisUpdates } from "./redis-updates";

/**
 * The PUBACKs of a committed batch are written in the microtasks that follow; corking each socket
 * until the next macrotask sends all of one connection's acks in a single write.
 */
function coalesceAcks(items: IngestItem[]) {
  const corked = new Set<Corkable>();
  for (const i of items) {
    const conn = corkableSocket(i.client);
    if (conn && !corked.has(conn)) {
      conn.cork();
      corked.add(conn);
    }
  }
  if (corked.size > 0) setImmediate(() => corked.forEach((c) => c.uncork()));
}

/**
 * What follows a commit (run by the batcher once the items' acks are released): acks coalesced per
 * socket, usage / latest values / live updates and one ingest-stream entry gathered for Redis, the
 * device activity (last seen, counters), the rows metric. Nothing here can un-acknowledge anything.
 */
export function createAfterCommit(deps: {
  updates: RedisUpdates;
  activity: DeviceActivity;
  metrics: Metrics;
  brokerId: string;
}): (items: IngestItem[]) => void {
  const { updates, activity, metrics } = deps;
  // Unique per process run: batch ids stay unique across restarts of the same broker id.
  const run = `${deps.brokerId}-${Date.now().toString(36)}`;
  let seq = 0;
  return function afterCommit(items: IngestItem[]) {
    coalesceAcks(items);
    const now = Date.now();
    let rows = 0;
    const batch: IngestBatch = {
      v: 1,
      batchId: `${run}-${++seq}`,
      source: "mqtt",
      committedAt: now,
      telemetry: [],
      events: [],
      presence: [],
      commands: [],
    };
    for (const item of items) {
      const { tenantId, deviceId } = item;
      rows += item.telemetry.length;
      updates.usage(tenantId, now, item.telemetry.length, item.bytes);
      if (item.telemetry.length > 0) updates.latest(deviceId, item.latest);
      activity.recordMessages(deviceId, 1, item.latest, now);
      for (const p of item.points) batch.telemetry.push({ tenantId, productId: item.productId, deviceId, ts: p.ts, values: p.values });
      if (item.points.length > 0 && updates.watched(tenantId, now)) {
        for (const p of item.points) updates.live(tenantId, { type: "telemetry", deviceId, ts: p.ts, values: p.values });
      }
      if (item.event) {
        const e = item.event;
        batch.events.push({ tenantId, productId: item.productId, deviceId, ts: e.ts, event: e.event, level: e.level, params: e.params });
        updates.live(tenantId, { type: "event", deviceId, event: e.event, level: e.level, ts: e.ts, params: e.params });
      }
      if (item.reported && item.shadowVersion !== undefined) {
        updates.live(tenantId, { type: "shadow", deviceId, reported: item.reported, version: item.shadowVersion });
      }
    }
    // One ingest-stream entry per committed batch, in the same pipeline as the writes above.
    updates.batch(batch);
    metrics.rows.inc(rows);
  };
}
