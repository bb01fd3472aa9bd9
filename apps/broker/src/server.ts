import type { Database } from "@aspen/db";
import { closeBrokerConnections, pingDatabase } from "@aspen/db/broker";
import { createDb } from "@aspen/db";
import { assertRedisDurable, createRedis, startOpsServer } from "@aspen/jobs";
import { Aedes } from "aedes";
import aedesPersistenceRedis from "aedes-persistence-redis";
import mqemitterRedis from "mqemitter-redis";
import type { EventEmitter } from "node:events";
import type { Server } from "node:http";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { createCredentialStore } from "./auth/credential-store";
import { createCommands } from "./commands/commands";
import { subscribeControl } from "./control";
import { createDownlink } from "./downlink";
import type { BrokerEnv } from "./env";
import { createAuthenticate } from "./hooks/authenticate";
import { createAuthorizeForward } from "./hooks/authorize-forward";
import { createAuthorizePublish } from "./hooks/authorize-publish";
import { createAuthorizeSubscribe } from "./hooks/authorize-subscribe";
import { createPreConnect } from "./hooks/pre-connect";
import { createDatabaseHealth } from "./ingest/database-health";
import { createIngest } from "./ingest/pipeline";
import { createRedisUpdates } from "./ingest/redis-updates";
import { createThingModels } from "./ingest/thing-models";
import { redisKeys } from "./keys";
import { createMetrics } from "./metrics";
import { startListeners } from "./net/listeners";
import { localClients, skipConsumedPublishes } from "./aedes-adapter";
import { sessionOf } from "./session";
import { createDeviceActivity } from "./state/device-activity";
import { attachPresence } from "./state/presence";
import { startRecheck } from "./state/recheck";
import { createShadow } from "./state/shadow";

export interface RunningBroker {
  brokerId: string;
  ports: { mqtt: number; ws: number | null; tls: number | null; http: number };
  aedes: Aedes;
  db: Database;
  /** Graceful stop: stop accepting, disconnect devices, write what is batched, close Redis and Postgres. */
  close(): Promise<void>;
}

type MQEmitterRedisPrefixCtor = new (prefix: string, opts: { subConn: Redis; pubConn: Redis }) => { state: EventEmitter };

/**
 * Logs each connection's loss once and its return: ioredis reconnects (and resubscribes) by itself and
 * queues commands meanwhile, but an "error" event nobody listens to is at best printed to stderr.
 */
function watchRedis(conns: Record<string, Redis>, log: Logger) {
  for (const [name, conn] of Object.entries(conns)) {
    let lost = false;
    conn.on("error", (err: Error) => {
      if (lost) return;
      lost = true;
      log.error({ err: err.message, connection: name }, "Redis connection lost; reconnecting");
    });
    conn.on("ready", () => {
      if (!lost) return;
      lost = false;
      log.warn({ connection: name }, "Redis connection back");
    });
  }
}

/** Resolves once the connection is ready for commands. */
function ready(redis: Redis): Promise<Redis> {
  if (redis.status === "ready") return Promise.resolve(redis);
  return new Promise((resolve, reject) => {
    redis.once("ready", () => resolve(redis));
    redis.once("error", reject);
  });
}

/** Starts one broker instance: listeners, aedes with Redis emitter and persistence, ingest, state, commands. */
export async function startBroker(env: BrokerEnv, log: Logger): Promise<RunningBroker> {
  const keys = redisKeys(env.REDIS_PREFIX);
  const metrics = createMetrics();
  const brokerId = env.BROKER_ID;

  // No ioredis auto-pipelining: it made a connect storm ~5 % faster, but the commands it holds until
  // their pipeline returns left the old space fragmented (RSS per 1k idle connections 13 -> 18-21 MB).
  const redis = await ready(createRedis(env.REDIS_URL));
  await assertRedisDurable(redis);
  // Subscriber connections must be ready before their first SUBSCRIBE: ioredis 5.9 otherwise may
  // send its ready-check INFO after it, which Redis refuses in subscriber mode (a fatal error).
  const subscriber = await ready(createRedis(env.REDIS_URL));
  const persistenceConn = await ready(createRedis(env.REDIS_URL, { keyPrefix: keys.aedesPersistence }));
  const emitterSub = await ready(createRedis(env.REDIS_URL));
  const emitterPub = await ready(createRedis(env.REDIS_URL));
  watchRedis({ main: redis, subscriber, persistence: persistenceConn, emitterSub, emitterPub }, log);
  const db = createDb(env.DATABASE_URL, { system: true, max: env.DB_POOL_MAX, applicationName: `aspen-broker ${brokerId}` });
  await pingDatabase(db);

  // Connections this instance left open when it last stopped (crash, SIGKILL) are over.
  const stale = await closeBrokerConnections(db, brokerId, "broker restarted");
  if (stale.length > 0) log.warn({ devices: stale.length }, "closed connections left open by the previous run of this broker");

  const activity = createDeviceActivity({ db, log, errorRowsPerMinute: env.ERROR_ROWS_PER_MINUTE });
  const models = createThingModels({ db, log });
  const credentials = createCredentialStore({ db, redis, keys });

  let aedes!: Aedes;
  const broker = () => aedes;
  const downlink = createDownlink(broker);
  const shadow = createShadow({ db, broker, downlink, log });
  const updates = createRedisUpdates({
    redis,
    keys,
    log,
    batchPrefix: brokerId,
    onFailure: (what, n) => (what === "stream" ? metrics.streamFailures.inc(n) : metrics.redisUpdateFailures.inc(n)),
  });
  const health = createDatabaseHealth({ ping: () => pingDatabase(db), log, onChange: (down) => metrics.databaseDown.set(down ? 1 : 0) });
  const commands = createCommands({ db, redis, keys, updates, downlink, models, metrics, log });
  const ingest = createIngest({
    db,
    updates,
    brokerId,
    models,
    activity,
    metrics,
    log,
    maxPayloadBytes: env.MAX_PAYLOAD_BYTES,
    health,
    batch: {
      maxRows: env.BATCH_MAX_ROWS,
      maxMs: env.BATCH_MAX_MS,
      concurrency: env.BATCH_CONCURRENCY,
      eagerWriters: env.BATCH_EAGER_WRITERS,
      highWaterRows: env.BATCH_HIGH_WATER_ROWS,
      keyHighWaterRows: env.BATCH_DEVICE_HIGH_WATER_ROWS,
    },
    replies: { attributeRequest: shadow.answerRequest, rpcResponse: commands.onResponse },
  });

  // Device publishes are consumed by the ingest path, never routed (aedes-adapter).
  let consume: (packet: object) => void = () => {};
  const { MQEmitterRedisPrefix } = mqemitterRedis as unknown as { MQEmitterRedisPrefix: MQEmitterRedisPrefixCtor };
  const emitter = new MQEmitterRedisPrefix(keys.aedesEmitter, { subConn: emitterSub, pubConn: emitterPub });
  // mqemitter-redis re-emits its connections' errors here; unheard, they were an uncaught exception
  // that took the broker down on a Redis restart. The loss is logged by watchRedis.
  emitter.state.on("error", () => {});
  aedes = await Aedes.createBroker({
    id: brokerId,
    mq: emitter,
    persistence: aedesPersistenceRedis({ conn: persistenceConn, maxSessionDelivery: 1000, packetTTL: () => 86_400 }),
    connectTimeout: env.CONNECT_TIMEOUT_MS,
    preConnect: createPreConnect(),
    authenticate: createAuthenticate({
      credentials,
      activity,
      log,
      metrics,
      broker,
      rate: { perSec: env.CLIENT_MSGS_PER_SEC, burst: env.CLIENT_BURST },
      unavailable: health.down,
    }),
    authorizePublish: createAuthorizePublish({ ingest, activity, db, log, consume: (p) => consume(p) }),
    authorizeSubscribe: createAuthorizeSubscribe({ activity, log }),
    authorizeForward: createAuthorizeForward(),
  });
  consume = skipConsumedPublishes(aedes).consume;
  aedes.on("connectionError", (_client, err) => log.debug({ err: err.message }, "connection closed before authentication"));
  (aedes as unknown as EventEmitter).on("error", (err: unknown) => log.error({ err }, "aedes error"));

  const presence = attachPresence({ broker: aedes, brokerId, db, redis, keys, updates, shadow, commands, metrics, log, health });
  const recheck = startRecheck({
    broker: aedes,
    db,
    credentials,
    log,
    intervalMs: env.DEVICE_RECHECK_MS,
    onClosed: (n) => metrics.recheckClosed.inc(n),
  });
  await subscribeControl({ subscriber, keys, broker: aedes, db, credentials, models, shadow, commands, log });

  const listeners = await startListeners({
    host: env.HOST,
    tcpPort: env.MQTT_PORT,
    wsPort: env.MQTT_WS_PORT,
    ...(env.MQTT_TLS_CERT && env.MQTT_TLS_KEY
      ? { tls: { port: env.MQTT_TLS_PORT, certFile: env.MQTT_TLS_CERT, keyFile: env.MQTT_TLS_KEY } }
      : {}),
    maxPacketBytes: env.MAX_PACKET_BYTES,
    handle: (stream, req) => aedes.handle(stream, req),
    log,
    onRefused: () => metrics.connects.inc({ result: "refused_by_guard" }),
  });

  metrics.sources.pendingRows = () => ingest.pendingRows();
  const ops: Server = await startOpsServer({
    port: env.HTTP_PORT,
    host: env.HOST,
    registry: metrics.registry,
    health: async () => ({
      broker: !aedes.closed,
      redis: await redis.ping().then(
        () => true,
        () => false,
      ),
      database: await pingDatabase(db).then(
        () => true,
        () => false,
      ),
    }),
  });
  const httpAddr = ops.address();
  const ports = {
    mqtt: listeners.tcpPort,
    ws: listeners.wsPort,
    tls: listeners.tlsPort,
    http: typeof httpAddr === "object" && httpAddr ? httpAddr.port : env.HTTP_PORT,
  };
  log.info({ ports }, "broker listening");

  let closing: Promise<void> | null = null;
  return {
    brokerId,
    ports,
    aedes,
    db,
    close() {
      closing ??= (async () => {
        const stopped = listeners.close();
        for (const client of localClients(aedes)) {
          const s = sessionOf(client);
          if (s) s.closeReason = "broker shutting down";
        }
        await new Promise<void>((resolve) => aedes.close(() => resolve()));
        await stopped;
        await ingest.drain(10_000);
        health.stop();
        commands.stop();
        recheck.stop();
        await presence.settle();
        presence.stop();
        await updates.flush();
        await activity.stop();
        await new Promise<void>((resolve) => ops.close(() => resolve()));
        subscriber.disconnect();
        await Promise.allSettled([redis.quit(), persistenceConn.quit()]);
        await db.$close();
        log.info("broker stopped");
      })();
      return closing;
    },
  };
}
