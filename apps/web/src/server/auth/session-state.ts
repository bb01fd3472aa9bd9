import { getSessionState } from "@aspen/db";
import { getSystemDb } from "../db";

// A session check costs one indexed lookup; caching it for at most this long
// per process keeps page loads cheap while revocation still takes effect at once
// in this process (we forget the entry on change) and within seconds elsewhere.
const CACHE_MS = 2_000;
const cache = new Map<string, { at: number; version: number; disabled: boolean }>();

/**
 * True when a session carrying `sessionVersion` for `userId` is still valid:
 * the user exists, is not disabled, and has not bumped its version since.
 */
export async function isSessionCurrent(userId: string, sessionVersion: number): Promise<boolean> {
  const now = Date.now();
  const cached = cache.get(userId);
  // A version mismatch against a cached entry is re-read: the token may be newer than the cache
  // (signed in again right after a sign-out handled by another process or bundle).
  const entry =
    cached && now - cached.at <= CACHE_MS && cached.version === sessionVersion ? cached : await load(userId, now);
  return entry !== null && !entry.disabled && entry.version === sessionVersion;
}

async function load(userId: string, now: number) {
  const state = await getSessionState(getSystemDb(), userId);
  if (!state) {
    cache.delete(userId);
    return null;
  }
  const entry = { at: now, version: state.sessionVersion, disabled: state.disabled };
  if (cache.size > 10_000) cache.clear();
  cache.set(userId, entry);
  return entry;
}

/** Drops the cached state after this process changed it (sign-out, password change, disable). */
export function forgetSessionState(userId: string): void {
  cache.delete(userId);
}
