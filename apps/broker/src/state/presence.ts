import { randomUUID } from "node:crypto";
import { deviceTopicPrefix, parseInternalTopic } from "@aspen/core";
import type { Database } from "@aspen/db";
import { closeBrokerConnections, closeDeviceConnection, openDeviceConnections, type OpenConnection } from "@aspen/db/broker";
import type { Aedes, Client, Subscription } from "aedes";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { coalesce } from "../coalesce";
import type { Commands } from "../commands/commands";
import type { DatabaseHealth } from "../ingest/database-health";
import type { LiveMessage, RedisKeys } from "../keys";
import type { RedisUpdates } from "../ingest/redis-updates";
import type { Metrics } from "../metrics";
import { disconnectedGracefully, subscriptionsOf } from "../aedes-adapter";
import { sessionOf, type DeviceSession } from "../session";
import { subscribedToDesired, type Shadow } from "./shadow";

export interface Presence {
  /** Waits for connection rows still being written (shutdown). */
  settle(): Promise<void>;
  stop(): void;
}

const rpcFilter = `${deviceTopicPrefix}rpc/request/+`;
const attributesTopic = `${deviceTopicPrefix}attributes`;

/**
 * Online/offline and connection history from aedes' client events, and the hand-off to the shadow
 * and commands once a device is listening. A broker also closes the connection rows of peers whose
 * liveness key in Redis has expired (they crashed without closing them).
 */
export function attachPresence(deps: {
  broker: Aedes;
  brokerId: string;
  db: Database;
  redis: Redis;
  keys: RedisKeys;
  /** Presence changes for the ingest stream. */
  updates: Pick<RedisUpdates, "presence">;
  shadow: Shadow;
  commands: Commands;
  metrics: Metrics;
  log: Logger;
  /** Connection rows written during a database outage are written once it is back (else a row would stay open). */
  health?: Pick<DatabaseHealth, "retry">;
  aliveTtlSeconds?: number;
}): Presence {
  const { broker, brokerId, db, redis, keys, shadow, commands, metrics, log } = deps;
  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => {});
    return p;
  };
  const live = (s: DeviceSession, online: boolean, reason?: string) => {
    const at = Date.now();
    deps.updates.presence({ tenantId: s.tenantId, productId: s.productId, deviceId: s.deviceId, ts: at, online });
    const msg: LiveMessage = { type: "presence", deviceId: s.deviceId, online, at, ...(reason ? { reason } : {}) };
    redis.publish(keys.live(s.tenantId), JSON.stringify([msg])).catch(() => {});
  };
  // The connection rows of one event-loop turn (a reconnect storm) are written in one statement.
  const openDeviceConnection = coalesce((conns: OpenConnection[]) => openDeviceConnections(db, conns));
  const retry = <T>(fn: () => Promise<T>) => (deps.health ? deps.health.retry(fn) : fn());
  const fail = (what: string, s: DeviceSession) => (err: unknown) => log.error({ err, deviceId: s.deviceId }, what);

  function onListening(client: Client, s: DeviceSession, topics: string[]) {
    for (const topic of topics) {
      const internal = parseInternalTopic(topic);
      if (!internal || internal.deviceId !== s.deviceId) continue;
      if (internal.deviceTopic === rpcFilter) track(commands.deliverQueued(s.deviceId).catch(fail("could not deliver queued commands", s)));
      if (internal.deviceTopic === attributesTopic) track(shadow.pushDesired(client).catch(fail("could not push desired attributes", s)));
    }
  }

  broker.on("clientReady", (client) => {
    const s = sessionOf(client);
    if (!s) return;
    metrics.connections.inc();
    const connectionId = randomUUID();
    s.connection = track(
      retry(() =>
        openDeviceConnection({
          id: connectionId,
          tenantId: s.tenantId,
          deviceId: s.deviceId,
          brokerId,
          clientId: s.clientId,
          ip: s.ip,
          protocol: s.protocol,
          protocolVersion: client.version ?? null,
        }),
      ).catch((err: unknown) => {
        fail("could not record the connection", s)(err);
        return undefined;
      }),
    );
    void s.connection.then(() => live(s, true));
    // A resumed session already has its subscriptions (restored before this event; later ones
    // arrive as "subscribe" events): act as if they were just made.
    const restored = Object.keys(subscriptionsOf(client));
    if (restored.length > 0) onListening(client, s, restored);
  });

  broker.on("subscribe", (subs: Subscription[], client) => {
    const s = sessionOf(client);
    if (!s || !client.connected) return;
    onListening(
      client,
      s,
      subs.filter((sub) => (sub.qos as number) !== 128).map((sub) => sub.topic),
    );
  });

  broker.on("keepaliveTimeout", (client) => {
    const s = sessionOf(client);
    if (s) s.closeReason ??= "keepalive timeout";
  });

  broker.on("clientError", (client, err) => {
    const s = sessionOf(client);
    if (s) s.closeReason ??= `connection error: ${err.message}`;
  });

  broker.on("clientDisconnect", (client) => {
    const s = sessionOf(client);
    if (!s) return;
    metrics.connections.dec();
    s.publisher?.bucket?.close();
    const graceful = disconnectedGracefully(client);
    const reason = s.closeReason ?? (graceful ? "client disconnected" : "connection lost");
    log.debug({ deviceId: s.deviceId, device: `${s.tenantSlug}/${s.deviceName}`, reason }, "device disconnected");
    track(
      (async () => {
        const conn = await s.connection;
        if (!conn) return;
        const wentOffline = await retry(() =>
          closeDeviceConnection(db, {
            connectionId: conn.id,
            deviceId: s.deviceId,
            connectedAt: conn.connectedAt,
            reason,
          }),
        );
        if (wentOffline) live(s, false, reason);
      })().catch(fail("could not record the disconnect", s)),
    );
  });

  // Liveness of this broker, and clean-up after peers that died.
  const ttl = deps.aliveTtlSeconds ?? 30;
  const beat = () =>
    redis
      .multi()
      .set(keys.brokerAlive(brokerId), String(Date.now()), "EX", ttl)
      .sadd(keys.brokers, brokerId)
      .exec()
      .catch(() => {});
  void beat();
  const beatTimer = setInterval(beat, (ttl * 1000) / 3);
  beatTimer.unref();
  const reapTimer = setInterval(async () => {
    try {
      for (const other of await redis.smembers(keys.brokers)) {
        if (other === brokerId || (await redis.exists(keys.brokerAlive(other)))) continue;
        const closed = await closeBrokerConnections(db, other, "broker stopped responding");
        await redis.srem(keys.brokers, other);
        if (closed.length > 0) log.warn({ broker: other, devices: closed.length }, "closed the connections of a dead broker");
      }
    } catch (err) {
      log.error({ err }, "dead broker sweep failed");
    }
  }, ttl * 1000);
  reapTimer.unref();

  return {
    async settle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    stop() {
      clearInterval(beatTimer);
      clearInterval(reapTimer);
    },
  };
}
