import type { Severity } from "@aspen/core";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { memberships, notificationPreferences, notifications, users, type NotificationRow } from "../schema";
import { keysetAfter, offsetOf, type Page, type PageRequest } from "./pagination";
import type { Role } from "./tenants";

export interface NotificationPreferences {
  emailSeverities: Severity[];
  dailyDigest: boolean;
}
export const defaultNotificationPreferences: NotificationPreferences = { emailSeverities: ["critical", "major"], dailyDigest: false };

export async function getNotificationPreferences(tx: Tx, tenantId: string, userId: string): Promise<NotificationPreferences> {
  const [row] = await tx
    .select({ emailSeverities: notificationPreferences.emailSeverities, dailyDigest: notificationPreferences.dailyDigest })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.tenantId, tenantId), eq(notificationPreferences.userId, userId)))
    .limit(1);
  return row ?? defaultNotificationPreferences;
}

export async function upsertNotificationPreferences(
  tx: Tx,
  tenantId: string,
  userId: string,
  p: NotificationPreferences,
): Promise<NotificationPreferences> {
  await tx
    .insert(notificationPreferences)
    .values({ tenantId, userId, ...p })
    .onConflictDoUpdate({
      target: [notificationPreferences.tenantId, notificationPreferences.userId],
      set: { ...p, updatedAt: new Date() },
    });
  return p;
}

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
  emailSeverities: Severity[];
  dailyDigest: boolean;
}

/** Members of a tenant with one of `roles`, with their preferences (defaults when unset). */
export async function membersWithRoles(tx: Tx, tenantId: string, roles: Role[]): Promise<Recipient[]> {
  if (roles.length === 0) return [];
  const rows = await tx
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      locale: users.locale,
      emailSeverities: notificationPreferences.emailSeverities,
      dailyDigest: notificationPreferences.dailyDigest,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.tenantId, memberships.tenantId), eq(notificationPreferences.userId, memberships.userId)),
    )
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, roles)));
  return rows.map((r) => ({
    ...r,
    emailSeverities: r.emailSeverities ?? defaultNotificationPreferences.emailSeverities,
    dailyDigest: r.dailyDigest ?? false,
  }));
}

export type NewNotification = Pick<NotificationRow, "tenantId" | "userId" | "kind" | "title" | "body" | "sourceKey"> &
  Partial<Pick<NotificationRow, "severity" | "alarmId" | "inApp" | "emailStatus">>;

/** Inserts notifications, skipping (tenant, source, user) already notified; returns those inserted. */
export async function insertNotifications(tx: Tx, rows: NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.tenantId, notifications.sourceKey, notifications.userId] })
    .returning();
}

/** Notifications of a source still waiting for their email (a retried job sends these, not the sent ones). */
export async function pendingEmailsOf(tx: Tx, tenantId: string, sourceKey: string): Promise<NotificationRow[]> {
  return tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.sourceKey, sourceKey), eq(notifications.emailStatus, "pending")));
}

export async function setEmailStatus(tx: Tx, tenantId: string, ids: string[], status: "sent" | "failed" | "none"): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(notifications)
    .set({ emailStatus: status })
    .where(and(eq(notifications.tenantId, tenantId), inArray(notifications.id, ids)));
}

const inbox = (tenantId: string, userId: string) =>
  and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId), eq(notifications.inApp, true));

export async function listNotifications(
  tx: Tx,
  tenantId: string,
  userId: string,
  p: PageRequest & { unreadOnly?: boolean | undefined },
): Promise<Page<NotificationRow>> {
  const where = and(inbox(tenantId, userId), p.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), notifications.id)
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(notifications).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

/**
 * A keyset page of the member's in-app notifications, newest first (ties by id, descending): the
 * `limit` after the notification `after` (uuid), one more fetched to say whether more follow.
 * `cursorFound` is false when `after` is not one of the member's (another user's or tenant's, or none).
 */
export async function listNotificationsAfter(
  tx: Tx,
  tenantId: string,
  userId: string,
  p: { unreadOnly?: boolean | undefined; after?: string | undefined; limit: number },
): Promise<{ items: NotificationRow[]; hasMore: boolean; cursorFound: boolean }> {
  const mine = inbox(tenantId, userId);
  const after = await keysetAfter(tx, notifications, tenantId, p.after, [notifications.createdAt, notifications.id], "<", mine);
  if (after === null) return { items: [], hasMore: false, cursorFound: false };
  const rows = await tx
    .select()
    .from(notifications)
    .where(and(mine, p.unreadOnly ? isNull(notifications.readAt) : undefined, after))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(p.limit + 1);
  return { items: rows.slice(0, p.limit), hasMore: rows.length > p.limit, cursorFound: true };
}

export async function countUnreadNotifications(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const [r] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(inbox(tenantId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

/** Marks the member's own notifications read (others' ids are ignored); returns how many changed. */
export async function markNotificationsRead(tx: Tx, tenantId: string, userId: string, ids: string[] | "all"): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        inbox(tenantId, userId),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Marks one of the member's notifications read, keeping the time it was first read; `changed` says
 * whether it was unread. Null when it is not the member's in-app notification (or no such row).
 */
export async function markOneNotificationRead(
  tx: Tx,
  tenantId: string,
  userId: string,
  id: string,
): Promise<{ row: NotificationRow; changed: boolean } | null> {
  const mine = and(inbox(tenantId, userId), eq(notifications.id, id));
  const [updated] = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine, isNull(notifications.readAt)))
    .returning();
  if (updated) return { row: updated, changed: true };
  const [row] = await tx.select().from(notifications).where(mine).limit(1);
  return row ? { row, changed: false } : null;
}

/** Members (across tenants) who chose the daily digest and have not had the one for `day` (YYYY-MM-DD). */
export async function digestRecipients(tx: Tx, day: string) {
  return tx
    .select({ tenantId: notificationPreferences.tenantId, userId: users.id, email: users.email, name: users.name })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, notificationPreferences.tenantId), eq(memberships.userId, notificationPreferences.userId)),
    )
    .where(and(eq(notificationPreferences.dailyDigest, true), sql`${notificationPreferences.digestSentFor} is distinct from ${day}::date`));
}

/** Records that the digest for `day` went out; false when another run did it first. */
export async function markDigestSent(tx: Tx, tenantId: string, userId: string, day: string): Promise<boolean> {
  const rows = await tx
    .update(notificationPreferences)
    .set({ digestSentFor: day })
    .where(
      and(
        eq(notificationPreferences.tenantId, tenantId),
        eq(notificationPreferences.userId, userId),
        sql`${notificationPreferences.digestSentFor} is distinct from ${day}::date`,
      ),
    )
    .returning({ userId: notificationPreferences.userId });
  return rows.length > 0;
}
export type { NotificationRow } from "../schema";
