import type { PrimitiveValue } from "@aspen/core";
import type { DeviceEventRow, TelemetryRow } from "@aspen/db/broker";
import type { Client } from "aedes";
import type { RateBucket } from "./rate-limit";

/** Who published: the authenticated device (or, for a Last Will of a dead broker's client, the device it named). */
export interface DevicePublisher {
  tenantId: string;
  deviceId: string;
  productId: string;
  client: Client | null;
  bucket: RateBucket | null;
}

/** One accepted message on its way to Postgres (and, after commit, to Redis). */
export interface IngestItem {
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

/**
 * aedes' callback for one message: null when it may be acknowledged (it then writes the PUBACK), an
 * error when the connection must close unacknowledged.
 */
export type Ack = (err: Error | null) => void;

/** Rows an item adds to a batch (what the batcher counts). */
export const rowsOf = (i: IngestItem) => i.telemetry.length + (i.event ? 1 : 0) + (i.reported ? 1 : 0);

export function emptyItem(p: DevicePublisher, bytes: number): IngestItem {
  return {
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
  };
}

/** Messages answered rather than stored: attribute requests and command responses. */
export interface Replies {
  attributeRequest(publisher: DevicePublisher, requestId: string, json: unknown): Promise<void>;
  rpcResponse(publisher: DevicePublisher, requestId: string, json: unknown): Promise<void>;
}
