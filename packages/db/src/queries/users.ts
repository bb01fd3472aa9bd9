import { eq, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { users } from "../schema";

export type UserRow = typeof users.$inferSelect;

/** Email addresses are stored and compared lowercase and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return row;
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** Inserts a user; throws a unique violation on `users_email_key` when the email is taken. */
export async function createUser(
  tx: Tx,
  input: { email: string; name: string; passwordHash: string; locale?: string | null },
): Promise<UserRow> {
  const [row] = await tx
    .insert(users)
    .values({ email: normalizeEmail(input.email), name: input.name, passwordHash: input.passwordHash, locale: input.locale ?? null })
    .returning();
  return row!;
}

/** What a session check needs: the current session version and whether the user is disabled. */
export async function getSessionState(tx: Tx, userId: string): Promise<{ sessionVersion: number; disabled: boolean } | undefined> {
  const [row] = await tx
    .select({ sessionVersion: users.sessionVersion, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ? { sessionVersion: row.sessionVersion, disabled: row.disabledAt !== null } : undefined;
}

/** Ends every session of the user: JWTs carrying an older version are refused. Returns the new version. */
export async function bumpSessionVersion(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ v: users.sessionVersion });
  return row?.v ?? 0;
}

/** Sets a new password hash and ends every session. Returns the new session version. */
export async function updatePassword(tx: Tx, userId: string, passwordHash: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ v: users.sessionVersion });
  return row?.v ?? 0;
}

/** Disables (ending every session) or re-enables a user. */
export async function setUserDisabled(tx: Tx, userId: string, disabled: boolean): Promise<void> {
  await tx
    .update(users)
    .set(disabled ? { disabledAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1` } : { disabledAt: null })
    .where(eq(users.id, userId));
}

export async function setUserLocale(tx: Tx, userId: string, locale: string | null): Promise<void> {
  await tx.update(users).set({ locale }).where(eq(users.id, userId));
}
