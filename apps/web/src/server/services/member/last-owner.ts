import { breaksLastOwnerRule, takesOwnerAway, type Role } from "@aspen/core";
import { countOwnersForUpdate, type Tx } from "@aspen/db";
import { appError } from "../../errors";

/**
 * Enforces core's last-owner rule for a member going from `from` to `to` (null: removed). Counts
 * the owners (locking them for the transaction) only when the change takes an owner away.
 */
export async function assertKeepsAnOwner(
  tx: Tx,
  tenantId: string,
  change: { from: Role; to: Role | null },
  message: string,
): Promise<void> {
  if (!takesOwnerAway(change)) return;
  if (breaksLastOwnerRule(change, await countOwnersForUpdate(tx, tenantId))) throw appError("CONFLICT", "last_owner", message);
}
