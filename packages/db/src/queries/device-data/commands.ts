import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { commands } from "../../schema";
import { offsetOf, type Page, type PageRequest, keysetAfter } from "../pagination";

export type CommandRow = typeof commands.$inferSelect;
export type CommandStatus = CommandRow["status"];

export interface NewCommand {
  tenantId: string;
  deviceId: string;
  method: string;
  params: Record<string, unknown>;
  createdBy: string | null;
  /** How long a queued command waits for its device to come online. */
  ttlSeconds: number;
  /** How long a sent command waits for the device's response. */
  timeoutMs: number;
}

// Namespace of the two-key advisory locks taken per device while allocating a request id.
const requestIdLockSpace = 0x41_53_50_31; // "ASP1"

/**
 * Inserts a queued command with the device's next `requestId` (1, 2, …). Concurrent senders to the
 * same device are serialised by a transaction-scoped advisory lock on the device, so each gets its
 * own id; runs in a savepoint when `tx` is already a transaction.
 */
export async function insertCommand(tx: Tx, c: NewCommand): Promise<CommandRow> {
  return tx.transaction(async (t) => {
    await t.execute(sql`select pg_advisory_xact_lock(${requestIdLockSpace}::int, hashtext(${c.deviceId}))`);
    const [row] = await t
      .insert(commands)
      .values({
        tenantId: c.tenantId,
        deviceId: c.deviceId,
        requestId: sql`(select coalesce(max(${commands.requestId}), 0) + 1 from ${commands} where ${commands.deviceId} = ${c.deviceId})`,
        method: c.method,
        params: c.params,
        status: "queued",
        createdBy: c.createdBy,
        expiresAt: sql`now() + make_interval(secs => ${c.ttlSeconds})`,
        timeoutMs: c.timeoutMs,
      })
      .returning();
    return row!;
  });
}

export async function listCommands(
  tx: Tx,
  tenantId: string,
  deviceId: string,
  p: PageRequest & { status?: CommandStatus },
): Promise<Page<CommandRow>> {
  const where = and(eq(commands.tenantId, tenantId), eq(commands.deviceId, deviceId), p.status ? eq(commands.status, p.status) : undefined);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(commands)
      .where(where)
      .orderBy(desc(commands.createdAt), desc(commands.requestId))
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(commands).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

export async function findCommandById(tx: Tx, tenantId: string, id: string): Promise<CommandRow | undefined> {
  const [row] = await tx
    .select()
    .from(commands)
    .where(and(eq(commands.tenantId, tenantId), eq(commands.id, id)))
    .limit(1);
  return row;
}

/** A device's command by its uuid or by its per-device request id. */
export async function findDeviceCommand(
  tx: Tx,
  deviceId: string,
  ref: { id: string } | { requestId: number },
): Promise<CommandRow | undefined> {
  const [row] = await tx
    .select()
    .from(commands)
    .where(and(eq(commands.deviceId, deviceId), "id" in ref ? eq(commands.id, ref.id) : eq(commands.requestId, ref.requestId)))
    .limit(1);
  return row;
}

/**
 * A keyset page of a device's commands in the order of `listCommands` (newest first): `limit` after the
 * command `after` (uuid). `cursorFound` is false when `after` is not a command of that device.
 */
export async function listCommandsAfter(
  tx: Tx,
  tenantId: string,
  deviceId: string,
  p: { status?: CommandStatus; after?: string; limit: number },
): Promise<{ items: CommandRow[]; hasMore: boolean; cursorFound: boolean }> {
  const after = await keysetAfter(
    tx,
    commands,
    tenantId,
    p.after,
    [commands.createdAt, commands.requestId],
    "<",
    eq(commands.deviceId, deviceId),
  );
  if (after === null) return { items: [], hasMore: false, cursorFound: false };
  const rows = await tx
    .select()
    .from(commands)
    .where(
      and(eq(commands.tenantId, tenantId), eq(commands.deviceId, deviceId), p.status ? eq(commands.status, p.status) : undefined, after),
    )
    .orderBy(desc(commands.createdAt), desc(commands.requestId))
    .limit(p.limit + 1);
  return { items: rows.slice(0, p.limit), hasMore: rows.length > p.limit, cursorFound: true };
}
