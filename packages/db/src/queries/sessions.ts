import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { userSessions, users } from "../schema";

/** How long an unused session stays valid (the console's JWT lifetime). */
export const sessionMaxAgeSeconds = 14 * 24 * 60 * 60;
const maxAge = sql`now() - make_interval(secs => ${sessionMaxAgeSeconds})`;

/**
 * Records a new sign-in at the user's current session version and returns its id; rows of the
 * user's ended sessions are deleted on the way (so the table holds about one row per live session).
 */
export async function createUserSession(
  tx: Tx,
  input: { userId: string; sessionVersion: number; ip: string | null; userAgent: string | null },
) {
  await tx
    .delete(userSessions)
    .where(
      and(
        eq(userSessions.userId, input.userId),
        or(
          sql`${userSessions.revokedAt} is not null`,
          lt(userSessions.sessionVersion, input.sessionVersion),
          lt(userSessions.lastSeenAt, maxAge),
        ),
      ),
    );
  const [row] = await tx
    .insert(userSessions)
    .values({ ...input, userAgent: input.userAgent?.slice(0, 500) ?? null })
    .returning({ id: userSessions.id });
  if (!row) throw new Error("user session insert returned no row");
  return row.id;
}

export interface SessionCheck {
  /** The user exists, is not disabled, and is at this session version. */
  userCurrent: boolean;
  /** The session row exists for this user, is not revoked and was made at the current version. */
  sessionActive: boolean;
}

/**
 * What a request's session check needs, in one query; marks the session seen (at most once a
 * minute) when it is active.
 */
export async function checkUserSession(tx: Tx, userId: string, sessionVersion: number, sessionId: string): Promise<SessionCheck> {
  const [row] = await tx
    .select({
      version: users.sessionVersion,
      disabledAt: users.disabledAt,
      rowVersion: userSessions.sessionVersion,
      revokedAt: userSessions.revokedAt,
      lastSeenAt: userSessions.lastSeenAt,
      expired: sql<boolean>`${userSessions.lastSeenAt} < ${maxAge}`,
      stale: sql<boolean>`${userSessions.lastSeenAt} < now() - interval '1 minute'`,
    })
    .from(users)
    .leftJoin(userSessions, and(eq(userSessions.id, sessionId), eq(userSessions.userId, users.id)))
    .where(eq(users.id, userId))
    .limit(1)
    .prepare("user_session_check")
    .execute();
  if (!row) return { userCurrent: false, sessionActive: false };
  const userCurrent = row.disabledAt === null && row.version === sessionVersion;
  const sessionActive =
    userCurrent && row.rowVersion === sessionVersion && row.revokedAt === null && row.lastSeenAt !== null && !row.expired;
  if (sessionActive && row.stale) {
    await tx
      .update(userSessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(userSessions.id, sessionId));
  }
  return { userCurrent, sessionActive };
}

export type UserSessionRow = Pick<typeof userSessions.$inferSelect, "id" | "ip" | "userAgent" | "createdAt" | "lastSeenAt">;

/** The user's active sessions, most recently used first. */
export async function listActiveUserSessions(tx: Tx, userId: string): Promise<UserSessionRow[]> {
  return tx
    .select({
      id: userSessions.id,
      ip: userSessions.ip,
      userAgent: userSessions.userAgent,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        eq(userSessions.sessionVersion, users.sessionVersion),
        gt(userSessions.lastSeenAt, maxAge),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(200);
}

/** Ends one active session of `userId` (another user's session id matches nothing). True when one ended. */
export async function revokeUserSession(tx: Tx, userId: string, sessionId: string): Promise<boolean> {
  const rows = await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}
