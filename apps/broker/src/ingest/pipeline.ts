import type { DeviceTopic } from "@aspen/core";
import type { Database } from "@aspen/db";
import type { PublishPacket } from "aedes";
import type { Logger } from "pino";
import type { Metrics } from "../metrics";
import type { DeviceActivity } from "../state/device-activity";
import { createAfterCommit } from "./after-commit";
import { createBatcher } from "./batcher";
import type { DatabaseHealth } from "./database-health";
import { createDispatch } from "./dispatch";
import { rowsOf, type Ack, type DevicePublisher, type IngestItem, type Replies } from "./item";
import type { RedisUpdates } from "./redis-updates";
import type { ThingModels } from "./thing-models";
import { createWrite, isDataError } from "./write";

export type { Ack, DevicePublisher, Replies };

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
  /** Whether PostgreSQL is reachable: failed writes report to it, and its recovery cuts their backoff short. */
  health?: DatabaseHealth;
  batch: { maxRows: number; maxMs: number; concurrency: number; eagerWriters?: number; highWaterRows: number; keyHighWaterRows: number };
}

/**
 * The ingest path, in three parts: dispatch (decode, validate, queue; `dispatch.ts`), the batched
 * write to Postgres (`write.ts`, driven by `batcher.ts`), and what follows each commit — acks,
 * Redis updates, the ingest stream (`after-commit.ts`).
 */
export function createIngest(deps: IngestDeps): Ingest {
  const { metrics, log } = deps;
  const batcher = createBatcher<IngestItem>({
    ...deps.batch,
    rowsOf,
    keyOf: (i) => i.deviceId,
    write: createWrite(deps.db),
    ordered: (items) => items.some((i) => i.reported !== null),
    isDataError,
    onCommitted: createAfterCommit({ updates: deps.updates, activity: deps.activity, metrics, brokerId: deps.brokerId }),
    onBatch: (rows, seconds) => {
      metrics.batchRows.observe(rows);
      metrics.batchSeconds.observe(seconds);
    },
    onRetry: (err) => {
      metrics.batchFailures.inc();
      deps.health?.failed(err);
    },
    ...(deps.health ? { retryNow: deps.health.recovered } : {}),
    log,
  });
  // While the database is down, what is already buffered is all the broker holds: a device that sends
  // more is disconnected unacknowledged (it sends again once it is back), instead of the buffer growing
  // with every connection that is read.
  const health = deps.health;
  const full = health ? () => health.down() && batcher.pendingRows() >= deps.batch.highWaterRows : () => false;
  const handle = createDispatch({ ...deps, batcher, full });
  return {
    handle,
    pendingRows: () => batcher.pendingRows(),
    async drain(deadlineMs) {
      await batcher.drain(deadlineMs);
      await deps.updates.flush();
    },
  };
}
