import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { emailVerifications, passwordResets } from "../schema";

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
export async function createEmailVerification(tx: Tx, input: { userId: string; email: string; tokenHash: string; expiresAt: Date }): Promise<string> {
  const [row] = await tx.insert(emailVerifications).values(input).returning({ id: emailVerifications.id });
  return row!.id;
}

/** Marks an unused, unexpired verification link used (once). Returns its user and address, or undefined. */
export async function consumeEmailVerification(tx: Tx, tokenHash: string): Promise<{ userId: string; email: string } | undefined> {
  const [row] = await tx
    .update(emailVerifications)
    .set({ usedAt: sql`now()` })
    .where(and(eq(emailVerifications.tokenHash, tokenHash), isNull(emailVerifications.usedAt), gt(emailVerifications.expiresAt, sql`now()`)))
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
