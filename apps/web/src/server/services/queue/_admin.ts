import { findUserById } from "@aspen/db";
import { getSystemDb } from "../../db";
import { appError } from "../../errors";

/** Who may use the platform pages (job queues, tenants and their plans): users with `platform_admin` set. */
export interface PlatformActor {
  userId: string;
}

/** Throws FORBIDDEN unless the user is a platform operator (checked in the database on every call). */
export async function assertPlatformAdmin(actor: PlatformActor): Promise<void> {
  const user = await findUserById(getSystemDb(), actor.userId);
  if (!user?.platformAdmin) throw appError("FORBIDDEN", "forbidden", "Only platform operators can do this");
}
