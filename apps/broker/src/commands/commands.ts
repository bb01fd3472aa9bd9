import { formatDeviceTopic } from "@aspen/core";
import type { Database } from "@aspen/db";
import {
  claimCommand,
  claimQueuedCommands,
  claimStrandedCommands,
  completeCommand,
  findSentCommand,
  sweepCommands,
  type OutgoingCommand,
} from "@aspen/db/broker";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Downlink } from "../downlink";
import { decodeRpcResponse } from "../ingest/decode";
import type { DevicePublisher } from "../ingest/pipeline";
import type { RedisUpdates } from "../ingest/redis-updates";
import type { ThingModels } from "../ingest/thing-models";
import type { LiveMessage, RedisKeys } from "../keys";
import type { Metrics } from "../metrics";

export interface Commands {
  /** The web app created a command (`aspen:command`): send it if its device is online anywhere. */
  onCreated(commandId: string): Promise<void>;
  /** The device subscribed to its commands: send what is queued for it. */
  deliverQueued(deviceId: string): Promise<void>;
  /** `v1/devices/me/rpc/response/<requestId>` completes the command. */
  onResponse(publisher: DevicePublisher, requestId: string, json: unknown): Promise<void>;
  stop(): void;
}

/**
 * Commands travel as rows: queued → sent (claimed by exactly one broker with a conditional update) →
 * succeeded / failed / timed_out, or expired while queued. A claimed command is published on the
 * device's internal topic through aedes' Redis emitter, so it reaches the broker that holds the
 * device whichever broker claimed it.
 */
export function createCommands(deps: {
  db: Database;
  redis: Redis;
  keys: RedisKeys;
  /** Command results for the ingest stream. */
  updates: Pick<RedisUpdates, "commandResult">;
  downlink: Downlink;
  models: ThingModels;
  metrics: Metrics;
  log: Logger;
  sweepIntervalMs?: number;
}): Commands {
  const { db, redis, keys, downlink, metrics, log } = deps;

  const live = (tenantId: string, deviceId: string, commandId: string, status: string) => {
    if (status === "succeeded" || status === "failed" || status === "timed_out") {
      deps.updates.commandResult({ tenantId, deviceId, commandId, ts: Date.now(), status });
    }
    const msg: LiveMessage = { type: "command", deviceId, commandId, status };
    redis.publish(keys.live(tenantId), JSON.stringify([msg])).catch(() => {});
  };

  async function send(cmd: OutgoingCommand) {
    const topic = formatDeviceTopic({ kind: "rpcRequest", requestId: String(cmd.requestId) });
    await downlink.publish(cmd.tenantId, cmd.deviceId, topic, { method: cmd.method, params: cmd.params }, 1);
    metrics.commands.inc({ status: "sent" });
    live(cmd.tenantId, cmd.deviceId, cmd.id, "sent");
    log.info({ commandId: cmd.id, deviceId: cmd.deviceId, requestId: cmd.requestId, method: cmd.method }, "command sent");
  }

  let sweeping = false;
  async function sweep() {
    if (sweeping) return;
    sweeping = true;
    try {
      for (const c of await sweepCommands(db, 500)) {
        metrics.commands.inc({ status: c.status });
        live(c.tenantId, c.deviceId, c.id, c.status);
      }
      for (const c of await claimStrandedCommands(db, 5000, 100)) await send(c);
    } catch (err) {
      log.error({ err }, "command sweep failed");
    } finally {
      sweeping = false;
    }
  }
  const timer = setInterval(() => void sweep(), deps.sweepIntervalMs ?? 1000);
  timer.unref();

  return {
    async onCreated(commandId) {
      const cmd = await claimCommand(db, commandId);
      if (cmd) await send(cmd);
    },
    async deliverQueued(deviceId) {
      for (const cmd of await claimQueuedCommands(db, deviceId, 100)) await send(cmd);
    },
    async onResponse(p, requestId, json) {
      const n = Number(requestId);
      if (!Number.isSafeInteger(n)) return;
      const cmd = await findSentCommand(db, p.deviceId, n);
      if (!cmd || cmd.tenantId !== p.tenantId) {
        log.debug({ deviceId: p.deviceId, requestId }, "response to no waiting command (late, or answered already)");
        return;
      }
      const model = await deps.models.get(p.productId);
      const result = decodeRpcResponse(model, cmd.method, json);
      let done: boolean;
      try {
        done = await completeCommand(db, cmd.id, result);
      } catch (err) {
        // e.g. a string Postgres cannot store inside the JSON response
        log.warn({ err, commandId: cmd.id }, "command response could not be stored as sent");
        done = await completeCommand(db, cmd.id, {
          status: "failed",
          response: null,
          error: "the response could not be stored (invalid characters)",
        });
      }
      if (done) {
        metrics.commands.inc({ status: result.status });
        live(cmd.tenantId, p.deviceId, cmd.id, result.status);
      }
    },
    stop() {
      clearInterval(timer);
    },
  };
}
