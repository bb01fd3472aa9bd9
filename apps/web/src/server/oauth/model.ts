import { generateSecret, hashSecret, isApiScope, parsePublicId, publicId, roleCoversScope, type ApiScope, type Role } from "@aspen/core";
import {
  findOAuthClient,
  findOAuthToken,
  insertOAuthToken,
  oauthSecretMatches,
  revokeOAuthGrant,
  upsertOAuthGrant,
  useOAuthToken,
  withTenant,
} from "@aspen/db";
import type {
  AuthorizationCode,
  AuthorizationCodeModel,
  Client,
  ClientCredentialsModel,
  RefreshToken,
  RefreshTokenModel,
  Token,
  User,
} from "@node-oauth/oauth2-server";
import { forgetApiToken } from "../api/v1/token-cache";
import { getSystemDb } from "../db";
import { logger } from "../logger";
import { accessTokenSeconds, refreshTokenSeconds } from "./config";

/** What the model hangs on a client: the app row and its tenant. */
export interface AspenClient extends Client {
  appId: string;
  tenantId: string;
  clientType: "confidential" | "public";
  scopes: ApiScope[];
  createdBy: string | null;
}

/** The "user" of a code or token: the grant it belongs to (a user's, or the app's own). */
export interface GrantUser extends User {
  grantId: string;
  tenantId: string;
  userId: string | null;
}

const scopesOf = (list: string[]) => list.filter((s): s is ApiScope => isApiScope(s));

/** Token strings say what they are: `oat_` access, `ort_` refresh. */
const newToken = (prefix: string) => `${prefix}${generateSecret()}`;

/** Revokes a whole grant after a replayed code or refresh token (and drops its cached tokens). */
async function revokeForReuse(grantId: string, tenantId: string, reason: string): Promise<void> {
  await withTenant(getSystemDb(), tenantId, (tx) => revokeOAuthGrant(tx, grantId, reason));
  await forgetApiToken({ kind: "oauthGrant", id: grantId });
  logger.warn({ grantId, reason }, "OAuth grant revoked: a single-use token was presented twice");
}

/**
 * The storage model of @node-oauth/oauth2-server over Postgres (system connection: the token endpoint
 * learns the tenant from the client or token). Everything secret is stored as SHA-256.
 */
export const oauthModel: AuthorizationCodeModel & ClientCredentialsModel & RefreshTokenModel = {
  /**
   * `clientSecret === null`: the authorization endpoint looking the client up (no authentication);
   * otherwise the token endpoint (or revocation/introspection) authenticating it.
   */
  async getClient(clientId: string, clientSecret: string | null | undefined) {
    const appId = parsePublicId("app", clientId);
    if (!appId) return false;
    const db = getSystemDb();
    const found = await findOAuthClient(db, appId);
    if (!found || found.tenant.status !== "active") return false;
    const { app } = found;
    // Confidential clients always authenticate; a public client never has a secret (PKCE only).
    if (clientSecret !== null) {
      if (app.clientType === "confidential") {
        if (!clientSecret || !(await oauthSecretMatches(db, app.id, hashSecret(clientSecret)))) return false;
      } else if (clientSecret) return false;
    }
    const client: AspenClient = {
      id: clientId,
      appId: app.id,
      tenantId: app.tenantId,
      clientType: app.clientType,
      scopes: scopesOf(app.scopes),
      createdBy: app.createdBy,
      redirectUris: app.redirectUris,
      grants:
        app.clientType === "confidential"
          ? ["authorization_code", "refresh_token", "client_credentials"]
          : ["authorization_code", "refresh_token"],
      accessTokenLifetime: accessTokenSeconds,
      refreshTokenLifetime: refreshTokenSeconds,
    };
    return client;
  },

  async validateRedirectUri(redirectUri: string, client: Client) {
    // Exact match, character for character: no trailing-slash, case, query or path leniency.
    return (client.redirectUris ?? []).includes(redirectUri);
  },

  async validateScope(user: User, client: Client, scope?: string[]) {
    const c = client as AspenClient;
    const u = user as GrantUser & { scopes?: ApiScope[] };
    const allowed = u.scopes ?? c.scopes;
    const requested = scope ?? allowed;
    if (requested.length === 0 || !requested.every((s) => isApiScope(s) && c.scopes.includes(s) && allowed.includes(s))) return false;
    return requested;
  },

  async generateAccessToken() {
    return newToken("oat_");
  },
  async generateRefreshToken() {
    return newToken("ort_");
  },

  async saveAuthorizationCode(code, client, user) {
    const u = user as GrantUser;
    await withTenant(getSystemDb(), u.tenantId, (tx) =>
      insertOAuthToken(tx, {
        tenantId: u.tenantId,
        grantId: u.grantId,
        kind: "code",
        tokenHash: hashSecret(code.authorizationCode),
        codeChallenge: code.codeChallenge ?? null,
        redirectUri: code.redirectUri,
        expiresAt: code.expiresAt,
      }),
    );
    return { ...code, client, user };
  },

  async getAuthorizationCode(authorizationCode: string) {
    const row = await findOAuthToken(getSystemDb(), hashSecret(authorizationCode));
    if (!row || row.token.kind !== "code") return false;
    if (row.token.usedAt) {
      // RFC 6749 §4.1.2: a code used twice revokes what was issued with it.
      await revokeForReuse(row.grant.id, row.grant.tenantId, "code_reuse");
      return false;
    }
    if (row.token.revokedAt || row.grant.revokedAt) return false;
    const user: GrantUser = { grantId: row.grant.id, tenantId: row.grant.tenantId, userId: row.grant.userId };
    return {
      authorizationCode,
      expiresAt: row.token.expiresAt,
      redirectUri: row.token.redirectUri ?? undefined,
      scope: scopesOf(row.grant.scopes),
      client: { id: publicId("app", row.app.id), grants: [] },
      user,
      codeChallenge: row.token.codeChallenge ?? undefined,
      codeChallengeMethod: row.token.codeChallenge ? "S256" : undefined,
      tokenId: row.token.id,
    } as AuthorizationCode;
  },

  async revokeAuthorizationCode(code) {
    return useOAuthToken(getSystemDb(), (code as AuthorizationCode & { tokenId: string }).tokenId);
  },

  async getUserFromClient(client: Client) {
    const c = client as AspenClient;
    // The app acting for itself in its own tenant, with its scopes as far as its registrant's role covers them.
    const found = await findOAuthClient(getSystemDb(), c.appId);
    if (!found) return false;
    return withTenant(getSystemDb(), c.tenantId, async (tx) => {
      const grant = await upsertOAuthGrant(tx, { tenantId: c.tenantId, appId: c.appId, userId: null, scopes: c.scopes });
      const user: GrantUser = { grantId: grant.id, tenantId: c.tenantId, userId: null };
      return user;
    });
  },

  async saveToken(token: Token, client: Client, user: User) {
    const u = user as GrantUser;
    await withTenant(getSystemDb(), u.tenantId, async (tx) => {
      await insertOAuthToken(tx, {
        tenantId: u.tenantId,
        grantId: u.grantId,
        kind: "access",
        tokenHash: hashSecret(token.accessToken),
        expiresAt: token.accessTokenExpiresAt!,
      });
      if (token.refreshToken) {
        await insertOAuthToken(tx, {
          tenantId: u.tenantId,
          grantId: u.grantId,
          kind: "refresh",
          tokenHash: hashSecret(token.refreshToken),
          expiresAt: token.refreshTokenExpiresAt!,
        });
      }
    });
    return { ...token, client, user };
  },

  async getAccessToken() {
    // The REST API validates access tokens itself (server/oauth/token-lookup.ts, cached).
    return false;
  },

  async getRefreshToken(refreshToken: string) {
    const row = await findOAuthToken(getSystemDb(), hashSecret(refreshToken));
    if (!row || row.token.kind !== "refresh") return false;
    if (row.token.usedAt) {
      await revokeForReuse(row.grant.id, row.grant.tenantId, "refresh_reuse");
      return false;
    }
    if (row.token.revokedAt || row.grant.revokedAt) return false;
    const user: GrantUser = { grantId: row.grant.id, tenantId: row.grant.tenantId, userId: row.grant.userId };
    return {
      refreshToken,
      refreshTokenExpiresAt: row.token.expiresAt,
      scope: scopesOf(row.grant.scopes),
      client: { id: publicId("app", row.app.id), grants: [] },
      user,
      tokenId: row.token.id,
    };
  },

  async revokeToken(token) {
    const t = token as RefreshToken & { tokenId: string; user: GrantUser };
    const first = await useOAuthToken(getSystemDb(), t.tokenId);
    // Lost a race with another exchange of the same refresh token: that is reuse too.
    if (!first) await revokeForReuse(t.user.grantId, t.user.tenantId, "refresh_reuse");
    return first;
  },
};

/** Whether a member with `role` may grant all of `scopes` (consent offers only such tenants). */
export function roleGrants(role: Role, scopes: readonly ApiScope[]): boolean {
  return scopes.every((s) => roleCoversScope(role, s));
}
