import { sql } from "drizzle-orm";
import type { Tx } from "../../client";

/** A command as the broker sends it: `v1/devices/me/rpc/request/<requestId>` `{"method","params"}`. */
export interface OutgoingCommand {
  id: string;
  tenantId: string;
  deviceId: string;
  requestId: number;
  method: string;
  params: Record<string, unknown>;
}

type CommandSqlRow = {
  id: string;
  tenant_id: string;
  device_id: string;
  request_id: number;
  method: string;
  params: Record<string, unknown>;
};

const toCommand = (r: CommandSqlRow): OutgoingCommand => ({
  id: r.id,
  tenantId: r.tenant_id,
  deviceId: r.device_id,
  requestId: Number(r.request_id),
  method: r.method,
  params: r.params ?? {},
});

/**
 * Marks a queued command sent if its device is online and it has not expired. Several brokers may
 * race for the same command: exactly one gets the row back and sends it.
 */
export async function claimCommand(tx: Tx, commandId: string): Promise<OutgoingCommand | undefined> {
  const rows = await tx.execute<CommandSqlRow>(sql`
    update commands as c set status = 'sent', sent_at = now()
    where c.id = ${commandId} and c.status = 'queued' and c.expires_at > now()
      and exists (select 1 from devices d where d.id = c.device_id and d.online and d.enabled)
    returning c.id, c.tenant_id, c.device_id, c.request_id, c.method, c.params`);
  return rows[0] ? toCommand(rows[0]) : undefined;
}

/** Claims a device's queued, unexpired commands, oldest first (on connect / subscribe). */
export async function claimQueuedCommands(tx: Tx, deviceId: string, limit: number): Promise<OutgoingCommand[]> {
  const rows = await tx.execute<CommandSqlRow>(sql`
    update commands as c set status = 'sent', sent_at = now()
    where c.id in (
      select id from commands
      where device_id = ${deviceId} and status = 'queued' and expires_at > now()
      order by created_at, request_id limit ${limit}
      for update skip locked)
    returning c.id, c.tenant_id, c.device_id, c.request_id, c.method, c.params`);
  return rows.map(toCommand).sort((a, b) => a.requestId - b.requestId);
}

/**
 * Claims queued commands of online devices that are older than `olderThanMs`: a command whose
 * notification raced with the device's connect is still delivered.
 */
export async function claimStrandedCommands(tx: Tx, olderThanMs: number, limit: number): Promise<OutgoingCommand[]> {
  const rows = await tx.execute<CommandSqlRow>(sql`
    update commands as c set status = 'sent', sent_at = now()
    where c.id in (
      select q.id from commands q join devices d on d.id = q.device_id
      where q.status = 'queued' and q.expires_at > now() and d.online and d.enabled
        and q.created_at < now() - ${olderThanMs} * interval '1 millisecond'
      order by q.created_at limit ${limit}
      for update of q skip locked)
    returning c.id, c.tenant_id, c.device_id, c.request_id, c.method, c.params`);
  return rows.map(toCommand);
}

export interface CommandMethod {
  id: string;
  tenantId: string;
  method: string;
}

/** The sent command a device answers on `rpc/response/<requestId>`; undefined when none is waiting. */
export async function findSentCommand(tx: Tx, deviceId: string, requestId: number): Promise<CommandMethod | undefined> {
  const rows = await tx.execute<{ id: string; tenant_id: string; method: string }>(sql`
    select id, tenant_id, method from commands
    where device_id = ${deviceId} and request_id = ${requestId} and status = 'sent' limit 1`);
  const r = rows[0];
  return r ? { id: r.id, tenantId: r.tenant_id, method: r.method } : undefined;
}

export interface CommandResult {
  status: "succeeded" | "failed";
  response: unknown;
  error: string | null;
}

/** Completes a sent command; false if it was not waiting (timed out, answered already). */
export async function completeCommand(tx: Tx, commandId: string, result: CommandResult): Promise<boolean> {
  const rows = await tx.execute(sql`
    update commands set status = ${result.status}, response = ${JSON.stringify(result.response ?? null)}::jsonb,
      error = ${result.error}, completed_at = now()
    where id = ${commandId} and status = 'sent'
    returning id`);
  return rows.length > 0;
}

export interface FinishedCommand {
  id: string;
  tenantId: string;
  deviceId: string;
  status: "timed_out" | "expired";
}

/** Marks sent commands past their timeout `timed_out` and queued ones past their TTL `expired`. */
export async function sweepCommands(tx: Tx, limit: number): Promise<FinishedCommand[]> {
  const rows = await tx.execute<{ id: string; tenant_id: string; device_id: string; status: "timed_out" | "expired" }>(sql`
    update commands as c
    set status = case when c.status = 'sent' then 'timed_out' else 'expired' end,
        completed_at = now(),
        error = case when c.status = 'sent' then 'no response from the device within ' || c.timeout_ms || ' ms'
                     else 'the device did not come online before the command expired' end
    where c.id in (
      select id from commands
      where (status = 'sent' and sent_at + timeout_ms * interval '1 millisecond' < now())
         or (status = 'queued' and expires_at <= now())
      limit ${limit}
      for update skip locked)
    returning c.id, c.tenant_id, c.device_id, c.status`);
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, deviceId: r.device_id, status: r.status }));
}
