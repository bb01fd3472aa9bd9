import { sql } from "drizzle-orm";
import { index, integer, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_rls";
import { users } from "./identity";

/**
 * Console sign-ins, one row per session (user-level, no tenant). The session's JWT carries the row
 * id; a session is active while its row is not revoked, was made at the user's current session
 * version (sign-out everywhere, a password change or disabling the user end all rows at once) and
 * was seen within the session lifetime. Only the system role (sign-in and session checks) uses it.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** `users.session_version` when the session began. */
    sessionVersion: integer().notNull(),
    ip: text(),
    userAgent: text(),
    createdAt: createdAt(),
    /** Updated at most once a minute while the session is used. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("user_sessions_user_idx").on(t.userId, t.lastSeenAt),
    pgPolicy("system_only", {
      as: "permissive",
      for: "all",
      // Like webhook secrets: no tenant session sees them; only the system role (BYPASSRLS) does.
      using: sql`false`,
      withCheck: sql`false`,
    }),
  ],
);
