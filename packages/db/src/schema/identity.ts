import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_rls";

/** Platform users. Not tenant-owned: a user may belong to many tenants. */
export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    /** Bumped on sign-out-everywhere, password change and disable: JWTs carrying an older version are rejected. */
    sessionVersion: integer().notNull().default(0),
    platformAdmin: boolean().notNull().default(false),
    disabledAt: timestamp({ withTimezone: true }),
    locale: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);
