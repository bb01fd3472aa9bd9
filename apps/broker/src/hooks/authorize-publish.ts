import { canPublish, deviceTopicPrefix, parseDeviceTopic, parseInternalTopic } from "@aspen/core";
import type { Database } from "@aspen/db";
import { findDeviceIdentity } from "@aspen/db/broker";
import type { Client, PublishPacket } from "aedes";
import type { Logger } from "pino";
import type { DevicePublisher, Ingest } from "../ingest/pipeline";
import { createRateBucket } from "../ingest/rate-limit";
import { sessionOf } from "../session";
import type { DeviceActivity } from "../state/device-activity";

export interface AuthorizePublishDeps {
  ingest: Ingest;
  activity: DeviceActivity;
  db: Database;
  log: Logger;
  /** Marks a packet as consumed by the broker: aedes must not route it anywhere. */
  consume(packet: object): void;
}

/**
 * A device may publish only to its own `v1/devices/me/...` upward topics; anything else closes the
 * connection (MQTT 3.1.1 has no way to refuse a single PUBLISH). Accepted messages are ingested
 * here, and the callback — after which aedes writes the PUBACK — runs only once the message is
 * durable in Postgres (QoS 1) or accepted into the batch (QoS 0). Holding it also stops aedes from
 * reading more of this socket, which is the back-pressure.
 */
const telemetryTopic = `${deviceTopicPrefix}telemetry`;
/** The topic of nearly every publish, parsed once. */
const telemetry = parseDeviceTopic(telemetryTopic)!;

export function createAuthorizePublish(deps: AuthorizePublishDeps) {
  const { ingest, log } = deps;

  async function resolveDeadPublisher(topic: string): Promise<{ publisher: DevicePublisher; deviceTopic: string } | string> {
    // No live client: a Last Will that aedes publishes for a connection of a broker that died.
    const internal = parseInternalTopic(topic);
    if (!internal) return "no authenticated device";
    const identity = await findDeviceIdentity(deps.db, internal.deviceId);
    if (!identity || identity.tenantId !== internal.tenantId) return "unknown device";
    return {
      publisher: { tenantId: internal.tenantId, deviceId: internal.deviceId, productId: identity.productId, client: null, bucket: null },
      deviceTopic: internal.deviceTopic,
    };
  }

  /** Synchronous for a live device (the hot path); a promise only for the rare dead-broker will. */
  function resolvePublisher(
    client: Client | null,
    topic: string,
  ): { publisher: DevicePublisher; deviceTopic: string } | string | Promise<{ publisher: DevicePublisher; deviceTopic: string } | string> {
    const session = sessionOf(client);
    if (!session) return resolveDeadPublisher(topic);
    const publisher: DevicePublisher = (session.publisher ??= {
      tenantId: session.tenantId,
      deviceId: session.deviceId,
      productId: session.productId,
      client,
      bucket: createRateBucket(session.rate.perSec, session.rate.burst, session.rate.onThrottle),
    });
    if (topic.startsWith("t/")) {
      // The device's Last Will, rewritten to its internal topic at CONNECT.
      const internal = parseInternalTopic(topic);
      if (!internal || internal.tenantId !== session.tenantId || internal.deviceId !== session.deviceId)
        return "not the device's own topic";
      return { publisher, deviceTopic: internal.deviceTopic };
    }
    return { publisher, deviceTopic: topic };
  }

  function authorize(
    resolved: { publisher: DevicePublisher; deviceTopic: string } | string,
    packet: PublishPacket,
    done: (err?: Error | null) => void,
  ) {
    if (typeof resolved === "string") {
      log.warn({ topic: packet.topic, reason: resolved }, "publish refused");
      return done(new Error(`publish to "${packet.topic}" refused: ${resolved}`));
    }
    const { publisher, deviceTopic } = resolved;
    const t = deviceTopic === telemetryTopic ? telemetry : parseDeviceTopic(deviceTopic);
    if (!t || !canPublish(t)) {
      const reason = `publishing to "${deviceTopic.slice(0, 200)}" is not allowed: use the v1/devices/me/... topics (telemetry, attributes, attributes/request/<id>, rpc/response/<id>, events/<event>)`;
      deps.activity.recordError(publisher, "acl", reason, deviceTopic.slice(0, 300));
      log.warn(
        { deviceId: publisher.deviceId, topic: deviceTopic.slice(0, 200) },
        "publish refused: topic not allowed; closing the connection",
      );
      return done(new Error(reason));
    }
    deps.consume(packet);
    // A throttled message waits here, cheaply, before anything is decoded.
    const wait = publisher.bucket?.take();
    if (wait) void wait.then(() => ingest.handle(publisher, t, packet, done));
    else ingest.handle(publisher, t, packet, done);
  }

  return (client: Client | null, packet: PublishPacket, done: (err?: Error | null) => void) => {
    const resolved = resolvePublisher(client, packet.topic);
    if (resolved instanceof Promise) {
      resolved.then(
        (r) => authorize(r, packet, done),
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
      );
    } else {
      authorize(resolved, packet, done);
    }
  };
}
