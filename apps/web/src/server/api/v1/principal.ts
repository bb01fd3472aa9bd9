import type { ApiScope, Role } from "@aspen/core";
import type { TenantRef } from "../../services/scope";

/**
 * Who a valid bearer token stands for: an API key, or an OAuth app acting for a user (authorization
 * code) or for itself (client credentials), always in exactly one tenant.
 */
export interface Principal {
  kind: "apiKey" | "oauthApp";
  /** uuid of the key or the app. */
  id: string;
  name: string;
  /** The user the rights come from (key creator, granting user); null for an app's own token. */
  userId: string | null;
  /**
   * Whether the token stands for `userId` (an API key for its creator, an authorization-code grant for
   * the user who consented) rather than only borrowing their role (an app's client-credentials token).
   */
  actsForUser: boolean;
  tenant: TenantRef;
  /** The role the rights derive from: the user's current role, or the app's registered role for its own token. */
  role: Role;
  scopes: ApiScope[];
  /** When the token stops being valid (ms since epoch), null for never. */
  expiresAt: number | null;
  /** What revoking drops the cache by: the key id, or the OAuth grant id. */
  revokeRef: { kind: "apiKey" | "oauthGrant"; id: string };
}

/** Why a token is refused (all answered 401 `invalid_token`, the reason only in the message). */
export type TokenRefusal = "unknown" | "revoked" | "expired" | "owner_left" | "tenant_suspended";
