import { sql } from "drizzle-orm";
import type { Tx } from "../../client";

export interface OpenConnection {
  tenantId: string;
  deviceId: string;
  brokerId: string;
  clientId: string;
  ip: string | null;
  /** `mqtt`, `mqtts` or `ws`. */
  protocol: string;
  protocolVersion: number | null;
}

/**
 * Records a device connection and marks the device online. `connectedAt` (the database clock) is
 * what `closeDeviceConnection` compares with, so that a late close of an older connection never
 * marks a device offline that has already reconnected (possibly to another broker).
 */
export async function openDeviceConnection(tx: Tx, c: OpenConnection): Promise<{ id: string; connectedAt: string } | undefined> {
  const rows = await tx.execute<{ id: string; connected_at: string }>(sql`
    with c as (
      insert into device_connections (tenant_id, device_id, broker_id, client_id, ip, protocol, protocol_version, connected_at)
      select ${c.tenantId}, ${c.deviceId}, ${c.brokerId}, ${c.clientId}, ${c.ip}, ${c.protocol}, ${c.protocolVersion}, clock_timestamp()
      where exists (select 1 from devices where id = ${c.deviceId})
      returning id, connected_at
    ), u as (
      update devices set online = true, last_connected_at = c.connected_at, last_seen_at = c.connected_at
      from c where devices.id = ${c.deviceId}
    )
    select id, connected_at::text from c`);
  const row = rows[0];
  // Kept as Postgres text: a JS Date would drop the microseconds the comparison needs.
  return row ? { id: row.id, connectedAt: row.connected_at } : undefined;
}

export interface CloseConnection {
  connectionId: string;
  deviceId: string;
  /** As returned by openDeviceConnection. */
  connectedAt: string;
  reason: string;
}

/** Ends a connection; the device goes offline unless a newer connection has started since. Returns whether it did. */
export async function closeDeviceConnection(tx: Tx, c: CloseConnection): Promise<boolean> {
  const rows = await tx.execute<{ id: string }>(sql`
    with closed as (
      update device_connections set disconnected_at = clock_timestamp(), reason = ${c.reason}
      where id = ${c.connectionId} and disconnected_at is null
      returning id
    )
    update devices set online = false, last_seen_at = greatest(last_seen_at, now())
    where id = ${c.deviceId} and online and (last_connected_at is null or last_connected_at <= ${c.connectedAt}::timestamptz)
    returning id`);
  return rows.length > 0;
}

/**
 * Closes every open connection recorded for a broker (after it crashed and restarted, or when a
 * peer finds it dead) and marks those devices offline unless another broker holds them.
 */
export async function closeBrokerConnections(
  tx: Tx,
  brokerId: string,
  reason: string,
): Promise<{ tenantId: string; deviceId: string }[]> {
  const rows = await tx.execute<{ tenant_id: string; id: string }>(sql`
    with closed as (
      update device_connections set disconnected_at = clock_timestamp(), reason = ${reason}
      where broker_id = ${brokerId} and disconnected_at is null
      returning device_id
    )
    update devices set online = false
    where id in (select device_id from closed) and online
      and not exists (
        select 1 from device_connections o
        where o.device_id = devices.id and o.disconnected_at is null and o.broker_id <> ${brokerId})
    returning tenant_id, id`);
  return rows.map((r) => ({ tenantId: r.tenant_id, deviceId: r.id }));
}
