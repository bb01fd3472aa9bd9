import { and, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { emailVerifications, passwordResets, userTotp } from "../schema";

/** Stores a reset link's token hash; earlier unused links of the user stop working. */
export async function createPasswordReset(tx: Tx, input: { userId: string; tokenHash: string; expiresAt: Date }): Promise<string> {
  await tx
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, input.userId), isNull(passwordResets.usedAt)));
  const [row] = await tx.insert(passwordResets).values(input).returning({ id: passwordResets.id });
  return row!.id;
}

/** Marks an unused, unexpired link used — atomically, so it works once. Returns its user, or undefined. */
export async function consumePasswordReset(tx: Tx, tokenHash: string): Promise<{ id: string; userId: string } | undefined> {
  const [row] = await tx
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
    .returning({ id: passwordResets.id, userId: passwordResets.userId });
  return row;
}

/** Stores a verification link's token hash for `email`. */
export async function createEmailVerification(
  tx: Tx,
  input: { userId: string; email: string; tokenHash: string; expiresAt: Date },
): Promise<string> {
  const [row] = await tx.insert(emailVerifications).values(input).returning({ id: emailVerifications.id });
  return row!.id;
}

/** Marks an unused, unexpired verification link used (once). Returns its user and address, or undefined. */
export async function consumeEmailVerification(tx: Tx, tokenHash: string): Promise<{ userId: string; email: string } | undefined> {
  const [row] = await tx
    .update(emailVerifications)
    .set({ usedAt: sql`now()` })
    .where(
      and(eq(emailVerifications.tokenHash, tokenHash), isNull(emailVerifications.usedAt), gt(emailVerifications.expiresAt, sql`now()`)),
    )
    .returning({ userId: emailVerifications.userId, email: emailVerifications.email });
  return row;
}

/** Whether `userId` verified `email` (a used link for that exact address exists). */
export async function isEmailVerified(tx: Tx, userId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: emailVerifications.id })
    .from(emailVerifications)
    .where(and(eq(emailVerifications.userId, userId), eq(emailVerifications.email, email), isNotNull(emailVerifications.usedAt)))
    .limit(1);
  return !!row;
}

export type TotpRow = typeof userTotp.$inferSelect;

export async function findTotp(tx: Tx, userId: string): Promise<TotpRow | undefined> {
  const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);
  return row;
}

/** Starts (or restarts) a not-yet-enabled setup with a new encrypted key; refuses to replace an enabled one. */
export async function beginTotp(tx: Tx, userId: string, secretEnc: string): Promise<boolean> {
  const rows = await tx
    .insert(userTotp)
    .values({ userId, secretEnc })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secretEnc, recoveryCodeHashes: [], lastStep: null },
      setWhere: isNull(userTotp.enabledAt),
    })
    .returning({ userId: userTotp.userId });
  return rows.length > 0;
}

export async function enableTotp(tx: Tx, userId: string, recoveryCodeHashes: string[], step: number): Promise<void> {
  await tx
    .update(userTotp)
    .set({ enabledAt: sql`now()`, recoveryCodeHashes, lastStep: step })
    .where(eq(userTotp.userId, userId));
}

/** Records the time step of an accepted code, only if it is newer than the last one (no replay). */
export async function acceptTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const rows = await tx
    .update(userTotp)
    .set({ lastStep: step })
    .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step))))
    .returning({ userId: userTotp.userId });
  return rows.length > 0;
}

/** Removes one recovery code (by hash) if present: true when it was there (each works once). */
export async function useRecoveryCode(tx: Tx, userId: string, codeHash: string): Promise<boolean> {
  const rows = await tx
    .update(userTotp)
    .set({ recoveryCodeHashes: sql`array_remove(${userTotp.recoveryCodeHashes}, ${codeHash})` })
    .where(and(eq(userTotp.userId, userId), sql`${codeHash} = any(${userTotp.recoveryCodeHashes})`))
    .returning({ userId: userTotp.userId });
  return rows.length > 0;
}

export async function deleteTotp(tx: Tx, userId: string): Promise<void> {
  await tx.delete(userTotp).where(eq(userTotp.userId, userId));
}
