import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation, updatedAt } from "./_rls";
import { users } from "./identity";
import { tenants } from "./tenancy";

/**
 * Third-party apps a tenant admin registered. `client_id` is the app's public id (`app_…`). Public
 * clients (no secret) must use PKCE; confidential ones authenticate with a secret.
 */
export const oauthApps = pgTable(
  "oauth_apps",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text().notNull(),
    logoUrl: text(),
    homepageUrl: text(),
    /** Compared exactly (no prefix, case or trailing-slash leniency). */
    redirectUris: text().array().notNull(),
    /** The most the app may ask for. */
    scopes: text().array().notNull(),
    clientType: text({ enum: ["confidential", "public"] }).notNull(),
    /** The admin who registered it: client-credentials tokens act with their current role. */
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("oauth_apps_tenant_created_idx").on(t.tenantId, t.createdAt), tenantIsolation()],
);

/** Client secrets (SHA-256). A rotated-out secret keeps working until `expires_at` (the overlap). */
export const oauthAppSecrets = pgTable(
  "oauth_app_secrets",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    appId: uuid()
      .notNull()
      .references(() => oauthApps.id, { onDelete: "cascade" }),
    secretHash: text().notNull(),
    hint: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("oauth_app_secrets_app_idx").on(t.tenantId, t.appId),
    uniqueIndex("oauth_app_secrets_hash_key").on(t.secretHash),
    tenantIsolation(),
  ],
);

/**
 * One authorisation: an app acting in one tenant, for a user (authorization code) or for itself
 * (client credentials, `user_id` null), with the scopes granted. Revoking it ends all its tokens.
 */
export const oauthGrants = pgTable(
  "oauth_grants",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    appId: uuid()
      .notNull()
      .references(() => oauthApps.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    scopes: text().array().notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** Why it was revoked: `user`, `admin`, `refresh_reuse`, `app_deleted`. */
    revokedReason: text(),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("oauth_grants_app_idx").on(t.tenantId, t.appId, t.createdAt),
    index("oauth_grants_user_idx").on(t.tenantId, t.userId),
    tenantIsolation(),
  ],
);

/**
 * Access and refresh tokens and authorization codes (SHA-256 of each). A refresh token is used once:
 * `used_at` is set when it is exchanged, and presenting it again revokes the whole grant.
 */
export const oauthTokens = pgTable(
  "oauth_tokens",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    grantId: uuid()
      .notNull()
      .references(() => oauthGrants.id, { onDelete: "cascade" }),
    kind: text({ enum: ["access", "refresh", "code"] }).notNull(),
    tokenHash: text().notNull(),
    /** Authorization codes: the PKCE challenge (S256) and the redirect URI they were issued for. */
    codeChallenge: text(),
    redirectUri: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("oauth_tokens_hash_key").on(t.tokenHash),
    index("oauth_tokens_grant_idx").on(t.tenantId, t.grantId),
    tenantIsolation(),
  ],
);
