import { listActiveUserSessions } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";
import type { UserScope } from "../scope";
import { describeUserAgent } from "./user-agent";

export const listSessionsInput = z.object({});
export const sessionSchema = z.object({
  id: z.string(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  device: z.enum(["desktop", "mobile", "tablet", "tv", "bot", "unknown"]),
  ip: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  /** The session this request came with. */
  current: z.boolean(),
});
export const listSessionsOutput = z.object({ items: z.array(sessionSchema) });

/** The signed-in user's active console sessions, most recently used first (only their own). */
export async function listSessions(
  user: UserScope,
  _input: z.output<typeof listSessionsInput>,
): Promise<z.output<typeof listSessionsOutput>> {
  const rows = await listActiveUserSessions(user.systemDb, user.user.id);
  return {
    items: rows.map((r) => ({
      id: publicId("ses", r.id),
      ...describeUserAgent(r.userAgent),
      ip: r.ip,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      current: r.id === user.sessionId,
    })),
  };
}
