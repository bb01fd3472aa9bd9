import type { DeviceTopic } from "@aspen/core";
import type { PublishPacket } from "aedes";
import type { Logger } from "pino";
import type { Metrics } from "../metrics";
import { sessionOf } from "../session";
import type { DeviceActivity } from "../state/device-activity";
import type { Batcher } from "./batcher";
import { decodeEvent, decodeJson, decodeReported, decodeTelemetry, type Rejection } from "./decode";
import { emptyItem, type Ack, type DevicePublisher, type IngestItem, type Replies } from "./item";
import type { RedisUpdates } from "./redis-updates";
import type { ProductModel, ThingModels } from "./thing-models";

export interface DispatchDeps {
  batcher: Batcher<IngestItem>;
  updates: RedisUpdates;
  models: ThingModels;
  activity: DeviceActivity;
  metrics: Metrics;
  log: Logger;
  replies: Replies;
  maxPayloadBytes: number;
  /** The buffer is full while the database is unreachable: further messages close their connection unacknowledged. */
  full?: () => boolean;
}

/**
 * The publish path of one message: size check, JSON, replies (attribute requests, command
 * responses) handed over, data messages decoded and validated against the product's thing model
 * and queued for the batch writer; refusals counted, recorded and shown live. `ack` is called once:
 * at once for refusals and QoS 0 (when the device has room), after commit for QoS 1.
 */
export function createDispatch(deps: DispatchDeps): (p: DevicePublisher, t: DeviceTopic, packet: PublishPacket, ack: Ack) => void {
  const { batcher, updates, models, activity, metrics, log } = deps;

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
    if (deps.full?.()) {
      messageCounter(kind, "shed").inc();
      const s = sessionOf(p.client);
      if (s) s.closeReason ??= "database unreachable and the ingest buffer is full";
      log.debug(
        { deviceId: p.deviceId, topic },
        "ingest buffer full while the database is unreachable; closing the connection unacknowledged",
      );
      return ack(new Error("the database is unreachable and the ingest buffer is full: send again later"));
    }
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

  function ingestWith(
    p: DevicePublisher,
    t: DeviceTopic,
    packet: PublishPacket,
    model: ProductModel | undefined,
    json: unknown,
    bytes: number,
    ack: Ack,
  ) {
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

  return function handle(p, t, packet, ack) {
    const topic = packet.topic;
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    let json: ReturnType<typeof decodeJson> | null = null;
    try {
      if (payload.length > deps.maxPayloadBytes) {
        reject(
          p,
          t.kind,
          { kind: "oversized", reason: `payload of ${payload.length} bytes exceeds the limit of ${deps.maxPayloadBytes}` },
          topic,
        );
      } else {
        json = decodeJson(payload);
        if (t.kind === "attributesRequest")
          return void settle(deps.replies.attributeRequest(p, t.requestId, json.ok ? json.value : {}), packet, ack);
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
  };
}
