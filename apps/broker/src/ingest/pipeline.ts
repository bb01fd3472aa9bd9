import type { DeviceTopic, IngestBatch, PrimitiveValue } from "@aspen/core";
import type { Database } from "@aspen/db";
import { insertDeviceEvents, insertTelemetryRows, mergeReportedAttributes, writeTelemetryBatch, type DeviceEventRow, type TelemetryRow } from "@aspen/db/broker";
import type { Client, PublishPacket } from "aedes";
import type { Logger } from "pino";
import type { Metrics } from "../metrics";
import type { DeviceActivity } from "../state/device-activity";
import { createBatcher, type Batcher } from "./batcher";
import { decodeEvent, decodeJson, decodeReported, decodeTelemetry, type Rejection } from "./decode";
import type { RateBucket } from "./rate-limit";
import type { RedisUpdates } from "./redis-updates";
import type { ProductModel, ThingModels } from "./thing-models";

/** Who published: the authenticated device (or, for a Last Will of a dead broker's client, the device it named). */
export interface DevicePublisher {
  tenantId: string;
  deviceId: string;
  productId: string;
  client: Client | null;
  bucket: RateBucket | null;
}

interface IngestItem {
  tenantId: string;
  deviceId: string;
  productId: string;
  /** The connection to acknowledge on (null for a dead broker's will). */
  client: Client | null;
  bytes: number;
  telemetry: TelemetryRow[];
  latest: Record<string, { ts: number; value: PrimitiveValue }>;
  points: { ts: number; values: Record<string, PrimitiveValue> }[];
  event: DeviceEventRow | null;
  reported: Record<string, PrimitiveValue> | null;
  shadowVersion?: number;
}

export interface Replies {
  attributeRequest(publisher: DevicePublisher, requestId: string, json: unknown): Promise<void>;
  rpcResponse(publisher: DevicePublisher, requestId: string, json: unknown): Promise<void>;
}

/**
 * aedes' callback for one message: null when it may be acknowledged (it then writes the PUBACK), an
 * error when the connection must close unacknowledged.
 */
export type Ack = (err: Error | null) => void;

export interface Ingest {
  /** Handles one accepted publish; calls `ack` when it may be acknowledged. */
  handle(publisher: DevicePublisher, topic: DeviceTopic, packet: PublishPacket, ack: Ack): void;
  drain(deadlineMs: number): Promise<void>;
  pendingRows(): number;
}

export interface IngestDeps {
  db: Database;
  /** After-commit Redis writes (latest, usage, live, ingest stream), shared with presence and commands. */
  updates: RedisUpdates;
  /** Names this broker's batches in the ingest stream. */
  brokerId: string;
  models: ThingModels;
  activity: DeviceActivity;
  metrics: Metrics;
  log: Logger;
  replies: Replies;
  maxPayloadBytes: number;
  batch: { maxRows: number; maxMs: number; concurrency: number; eagerWriters?: number; highWaterRows: number; keyHighWaterRows: number };
}

function isDataError(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string" && /^2[23]/.test(e.code)) return true;
  }
  return false;
}

/**
 * The ingest path: decode, validate against the product's thing model, batch into Postgres, then
 * (after commit) latest values and usage counters into Redis and a live update for the console.
 */
export function createIngest(deps: IngestDeps): Ingest {
  const { db, updates, models, activity, metrics, log } = deps;
  // Unique per process run: batch ids stay unique across restarts of the same broker id.
  const run = `${deps.brokerId}-${Date.now().toString(36)}`;
  let seq = 0;

  async function write(items: IngestItem[]) {
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
        const versions = await mergeReportedAttributes(tx, [...patches].map(([deviceId, values]) => ({ deviceId, values })));
        const byDevice = new Map(versions.map((v) => [v.deviceId, v.shadowVersion]));
        for (const i of items) if (i.reported) i.shadowVersion = byDevice.get(i.deviceId);
      }
    });
  }

  /**
   * The PUBACKs of a committed batch are written in the microtasks that follow; corking each socket
   * until the next macrotask sends all of one connection's acks in a single write.
   */
  function coalesceAcks(items: IngestItem[]) {
    const corked = new Set<{ cork(): void; uncork(): void }>();
    for (const i of items) {
      const conn = i.client?.conn as unknown as { cork?(): void; uncork?(): void; destroyed?: boolean } | undefined;
      if (conn?.cork && conn.uncork && !conn.destroyed && !corked.has(conn as { cork(): void; uncork(): void })) {
        conn.cork();
        corked.add(conn as { cork(): void; uncork(): void });
      }
    }
    if (corked.size > 0) setImmediate(() => corked.forEach((c) => c.uncork()));
  }

  function afterCommit(items: IngestItem[]) {
    coalesceAcks(items);
    const now = Date.now();
    let rows = 0;
    const batch: IngestBatch = { v: 1, batchId: `${run}-${++seq}`, source: "mqtt", committedAt: now, telemetry: [], events: [], presence: [], commands: [] };
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
  }

  const batcher: Batcher<IngestItem> = createBatcher<IngestItem>({
    ...deps.batch,
    rowsOf: (i) => i.telemetry.length + (i.event ? 1 : 0) + (i.reported ? 1 : 0),
    keyOf: (i) => i.deviceId,
    write,
    ordered: (items) => items.some((i) => i.reported !== null),
    isDataError,
    onCommitted: afterCommit,
    onBatch: (rows, seconds) => {
      metrics.batchRows.observe(rows);
      metrics.batchSeconds.observe(seconds);
    },
    onRetry: () => metrics.batchFailures.inc(),
    log,
  });

  // prom-client hashes label objects on every call; keep the children.
  const counters = new Map<string, { inc(n?: number): void }>();
  const messageCounter = (kind: string, outcome: string) => {
    const k = `${kind}/${outcome}`;
    let c = counters.get(k);
    if (!c) counters.set(k, (c = metrics.messages.labels(kind, outcome)));
    return c;
  };

  function reject(p: DevicePublisher, kind: string, r: Rejection | { kind: string; reason: string }, topic: string) {
    metrics.rejected.inc({ kind: r.kind });
    messageCounter(kind, "rejected").inc();
    const written = activity.recordError(p, r.kind, r.reason, topic);
    log.debug({ deviceId: p.deviceId, topic, kind: r.kind, reason: r.reason }, "message rejected");
    if (written) {
      updates.live(p.tenantId, { type: "error", deviceId: p.deviceId, kind: r.kind, reason: r.reason, at: Date.now() });
    }
  }

  /** Queues an accepted item; `ack` runs once it is durable (QoS 1) or accepted into the batch (QoS 0). */
  function enqueue(p: DevicePublisher, kind: string, item: IngestItem, packet: PublishPacket, topic: string, ack: Ack) {
    messageCounter(kind, "accepted").inc();
    const qos = packet.qos;
    // A callback, not a promise chain: this runs for every message.
    batcher.submit(item, (r) => {
      if (!r.ok) reject(p, kind, { kind: "storage", reason: `the database refused the message: ${r.reason}` }, topic);
      if (qos > 0) ack(null);
    });
    if (qos > 0) return;
    const space = batcher.space(p.deviceId);
    if (space) space.then(() => ack(null), fail(packet, ack));
    else ack(null);
  }

  const emptyItem = (p: DevicePublisher, bytes: number): IngestItem => ({
    tenantId: p.tenantId,
    deviceId: p.deviceId,
    productId: p.productId,
    client: p.client,
    bytes,
    telemetry: [],
    latest: {},
    points: [],
    event: null,
    reported: null,
  });

  /** Decodes and validates a data message (telemetry, attributes, event); null when nothing of it is kept. */
  function itemOf(p: DevicePublisher, t: DeviceTopic, model: ProductModel, json: unknown, bytes: number, topic: string): IngestItem | null {
    const now = Date.now();
    const item = emptyItem(p, bytes);
    if (t.kind === "telemetry") {
      const decoded = decodeTelemetry(p, model, json, now);
      if (decoded.rejection) reject(p, t.kind, decoded.rejection, topic);
      if (decoded.rows.length === 0) return null;
      item.telemetry = decoded.rows;
      item.latest = decoded.latest;
      item.points = decoded.points;
    } else if (t.kind === "attributes") {
      const decoded = decodeReported(model, json);
      if (decoded.rejection) reject(p, t.kind, decoded.rejection, topic);
      if (Object.keys(decoded.values).length === 0) return null;
      item.reported = decoded.values;
    } else if (t.kind === "event") {
      const decoded = decodeEvent(p, model, t.event, json, now);
      if (decoded.rejection || !decoded.row) {
        reject(p, t.kind, decoded.rejection ?? { kind: "validation", reason: "invalid event" }, topic);
        return null;
      }
      item.event = decoded.row;
    } else {
      return null;
    }
    return item;
  }

  function ingestWith(p: DevicePublisher, t: DeviceTopic, packet: PublishPacket, model: ProductModel | undefined, json: unknown, bytes: number, ack: Ack) {
    let item: IngestItem | null;
    try {
      if (!model) reject(p, t.kind, { kind: "validation", reason: "the device's product no longer exists" }, packet.topic);
      item = model ? itemOf(p, t, model, json, bytes, packet.topic) : null;
    } catch (err) {
      return fail(packet, ack)(err);
    }
    // outside the try: an exception thrown by aedes' callback must not make it run twice
    if (item) enqueue(p, t.kind, item, packet, packet.topic, ack);
    else ack(null);
  }

  /** An internal error (not the device's fault): logged, and the connection closes unacknowledged. */
  const fail = (packet: PublishPacket, ack: Ack) => (err: unknown) => {
    log.error({ err, topic: packet.topic }, "publish failed on an internal error; closing the connection without acknowledging");
    ack(err instanceof Error ? err : new Error(String(err)));
  };
  const settle = (promise: Promise<unknown>, packet: PublishPacket, ack: Ack) => promise.then(() => ack(null), fail(packet, ack));

  return {
    pendingRows: () => batcher.pendingRows(),
    async drain(deadlineMs) {
      await batcher.drain(deadlineMs);
      await updates.flush();
    },
    handle(p, t, packet, ack) {
      const topic = packet.topic;
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      let json: ReturnType<typeof decodeJson> | null = null;
      try {
        if (payload.length > deps.maxPayloadBytes) {
          reject(p, t.kind, { kind: "oversized", reason: `payload of ${payload.length} bytes exceeds the limit of ${deps.maxPayloadBytes}` }, topic);
        } else {
          json = decodeJson(payload);
          if (t.kind === "attributesRequest") return void settle(deps.replies.attributeRequest(p, t.requestId, json.ok ? json.value : {}), packet, ack);
          if (!json.ok) reject(p, t.kind, { kind: "payload", reason: json.reason }, topic);
          else if (t.kind === "rpcResponse") return void settle(deps.replies.rpcResponse(p, t.requestId, json.value), packet, ack);
        }
      } catch (err) {
        return fail(packet, ack)(err);
      }
      // refused (and recorded): acknowledged all the same, the connection stays
      if (!json?.ok) return ack(null);
      const value = json.value;
      const model = models.peek(p.productId);
      if (model) return ingestWith(p, t, packet, model, value, payload.length, ack);
      // first message of a product (or its cache expired): load the thing model, then go on
      models.get(p.productId).then((loaded) => ingestWith(p, t, packet, loaded, value, payload.length, ack), fail(packet, ack));
    },
  };
}
