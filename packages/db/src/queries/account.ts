import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { passwordResets } from "../schema";

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
