import { checkUserSession, getSessionState } from "@aspen/db";
import { z } from "zod";
import { getSystemDb } from "../db";

const sessionIdSchema = z.uuid();

/**
 * True when a session carrying `sessionVersion` for `userId` is still valid:
 * the user exists, is not disabled, and has not bumped its version since; with
 * `sessionId`, also that session's row is active (not signed out on its own) —
 * and it is marked seen.
 * Not cached: one indexed lookup per check, so that sign-out, a password change
 * or disabling a user ends every session at once in every process (a per-bundle
 * cache let the proxy accept a revoked token for a moment).
 */
export async function isSessionCurrent(userId: string, sessionVersion: number, sessionId?: string): Promise<boolean> {
  if (sessionId !== undefined) {
    if (!sessionIdSchema.safeParse(sessionId).success) return false;
    return (await checkUserSession(getSystemDb(), userId, sessionVersion, sessionId)).sessionActive;
  }
  const state = await getSessionState(getSystemDb(), userId);
  return state != null && !state.disabled && state.sessionVersion === sessionVersion;
}
