import { getSessionState } from "@aspen/db";
import { getSystemDb } from "../db";

/**
 * True when a session carrying `sessionVersion` for `userId` is still valid:
 * the user exists, is not disabled, and has not bumped its version since.
 * Not cached: one indexed lookup per check, so that sign-out, a password change
 * or disabling a user ends every session at once in every process (a per-bundle
 * cache let the proxy accept a revoked token for a moment).
 */
export async function isSessionCurrent(userId: string, sessionVersion: number): Promise<boolean> {
  const state = await getSessionState(getSystemDb(), userId);
  return state != null && !state.disabled && state.sessionVersion === sessionVersion;
}
