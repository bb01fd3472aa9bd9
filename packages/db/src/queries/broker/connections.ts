import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { numberArray, textArray } from "./pg-array";

export interface OpenConnection {
  tenantId: string;
  deviceId: string;
  brokerId: string;
  clientId: string;
  ip: string | null;
  /** `mqtt`, `mqtts` or `ws`. */
  protocol: string;
  protocolVersion: number | null;
  /**
   * The row's id, made by the caller once per connection so that retrying after an ambiguous failure (the commit
   * happened, the answer was lost with the database connection) finds the row instead of opening a second one.
   */
  id?: string | undefined;
}

/**
 * Records device connections and marks the devices online, all in one statement (connects arrive in
 * bursts). The result is aligned with `conns` (undefined for a device that no longer exists).
 * `connectedAt` (the database clock) is what `closeDeviceConnection` compares with, so that a late
 * close of an older connection never marks a device offline that has already reconnected (possibly
 * to another broker); a device connecting twice in one batch keeps the later time.
 */
export async function openDeviceConnections(
  tx: Tx,
  conns: readonly OpenConnection[],
): Promise<({ id: string; connectedAt: string } | undefined)[]> {
  if (conns.length === 0) return [];
  const ids = conns.map((c) => c.id ?? randomUUID());
  const rows = await tx.execute<{ id: string; connected_at: string }>(sql`
    with c as (
      insert into device_connections (id, tenant_id, device_id, broker_id, client_id, ip, protocol, protocol_version, connected_at)
      select x.id, x.t, x.d, x.b, x.c, x.ip, x.p, x.v, clock_timestamp()
      from unnest(
        ${textArray(ids)}::uuid[], ${textArray(conns.map((c) => c.tenantId))}::uuid[], ${textArray(conns.map((c) => c.deviceId))}::uuid[],
        ${textArray(conns.map((c) => c.brokerId))}::text[], ${textArray(conns.map((c) => c.clientId))}::text[], ${textArray(conns.map((c) => c.ip))}::text[],
        ${textArray(conns.map((c) => c.protocol))}::text[], ${numberArray(conns.map((c) => c.protocolVersion))}::int4[]
      ) as x(id, t, d, b, c, ip, p, v)
      where exists (select 1 from devices where id = x.d)
      on conflict (id) do update set broker_id = excluded.broker_id
      returning id, device_id, connected_at
    ), u as (
      update devices set online = true, last_connected_at = m.at, last_seen_at = m.at
      from (select device_id, max(connected_at) as at from c group by device_id) m
      where devices.id = m.device_id
    )
    select id, connected_at::text from c`);
  // Kept as Postgres text: a JS Date would drop the microseconds the comparison needs.
  const byId = new Map(rows.map((r) => [r.id, r.connected_at]));
  return ids.map((id) => {
    const connectedAt = byId.get(id);
    return connectedAt === undefined ? undefined : { id, connectedAt };
  });
}

/** Records one device connection and marks the device online (see `openDeviceConnections`). */
export async function openDeviceConnection(tx: Tx, c: OpenConnection): Promise<{ id: string; connectedAt: string } | undefined> {
  return (await openDeviceConnections(tx, [c]))[0];
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
export async function closeBrokerConnections(tx: Tx, brokerId: string, reason: string): Promise<{ tenantId: string; deviceId: string }[]> {
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
