import type { Client, ConnectPacket } from "aedes";
import type { DevicePublisher } from "./ingest/pipeline";

/** Which listener a connection came through. */
export type Protocol = "mqtt" | "mqtts" | "ws";

/** The authenticated device behind an MQTT connection; everything it does is scoped by this, never by a topic. */
export interface DeviceSession {
  tenantId: string;
  tenantSlug: string;
  deviceId: string;
  deviceName: string;
  productId: string;
  /** SHA-256 of the secret it authenticated with: the periodic re-check notices a rotation. */
  secretHash: string;
  /** The client id the device sent (aedes' `client.id` is replaced by the device id). */
  clientId: string;
  protocol: Protocol;
  ip: string | null;
  /** The connection's publish rate limit (one object shared by all connections). */
  rate: RateLimit;
  /** The device_connections row, once written. */
  connection?: Promise<{ id: string; connectedAt: string } | undefined>;
  /** Why the broker closed the connection, when it did (takeover, revocation, shutdown…). */
  closeReason?: string;
  /** The publisher identity handed to the ingest path (built once per connection). */
  publisher?: DevicePublisher;
}

/** Publishes per second and burst per connection; a connection's bucket is made on its first publish. */
export interface RateLimit {
  perSec: number;
  burst: number;
  onThrottle(): void;
}

/** What the listener knows about a connection before MQTT starts (dropped once it is authenticated). */
export interface ConnectionInfo {
  protocol: Protocol;
  ip: string | null;
  /** The client id from CONNECT, before aedes may replace an empty one. */
  clientId?: string;
  /** The CONNECT packet, so that its credentials can be dropped once checked. */
  packet?: ConnectPacket;
}

const sessions = new WeakMap<Client, DeviceSession>();
const connections = new WeakMap<object, ConnectionInfo>();

export function sessionOf(client: Client | null | undefined): DeviceSession | undefined {
  return client ? sessions.get(client) : undefined;
}

export function bindSession(client: Client, session: DeviceSession): void {
  sessions.set(client, session);
}

export function connectionInfo(conn: object): ConnectionInfo | undefined {
  return connections.get(conn);
}

export function setConnectionInfo(conn: object, info: ConnectionInfo): void {
  connections.set(conn, info);
}

/** The authenticated session has what the listener knew: forget it. */
export function dropConnectionInfo(conn: object): void {
  connections.delete(conn);
}

/** The peer address of a connection, before or after authentication. */
export function remoteIp(conn: object & { client?: Client }): string | null {
  return connectionInfo(conn)?.ip ?? sessionOf(conn.client)?.ip ?? null;
}

const interned = new Map<string, string>();
/**
 * One copy of strings many connections share (tenant and product ids, tenant slugs, addresses):
 * each connection's credentials are parsed from JSON into fresh strings otherwise.
 */
export function intern<T extends string | null>(s: T): T {
  if (s === null) return s;
  const known = interned.get(s);
  if (known !== undefined) return known as T;
  if (interned.size < 100_000) interned.set(s, s);
  return s;
}

export { localClient, localClients } from "./aedes-adapter";
