import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_rls";
import { users } from "./identity";

/**
 * Password-reset links: user-level (no tenant), single use, expiring. Only the SHA-256 of the
 * token is stored; requesting a new link or using one ends the others.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_resets_token_hash_key").on(t.tokenHash), index("password_resets_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Email-verification links: user-level, single use, expiring. An address counts as verified while
 * a used link for it exists (so changing the email needs a new verification).
 */
export const emailVerifications = pgTable(
  "email_verifications",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_verifications_token_hash_key").on(t.tokenHash), index("email_verifications_user_idx").on(t.userId, t.email)],
);

/**
 * A user's TOTP second factor. `secretEnc` is the key encrypted by the web app (AES-256-GCM, key
 * derived from AUTH_SECRET); `enabledAt` is null until a first code confirmed the setup. Recovery
 * codes are stored as SHA-256 hashes and removed when used.
 */
export const userTotp = pgTable("user_totp", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEnc: text().notNull(),
  enabledAt: timestamp({ withTimezone: true }),
  recoveryCodeHashes: text().array().notNull().default([]),
  /** The last accepted time step, so one code cannot be used twice. */
  lastStep: bigint({ mode: "number" }),
  createdAt: createdAt(),
});
