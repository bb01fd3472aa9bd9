import { apiScopes, isApiScope, parsePublicId, type ApiScope } from "@aspen/core";
import { findOAuthClient } from "@aspen/db";
import { getSystemDb } from "../db";
import { issuer } from "./config";

/** The parameters of an authorization request that the consent form carries back. */
export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  state: string;
  scope: ApiScope[];
  codeChallenge: string;
}

export interface ConsentApp {
  appId: string;
  name: string;
  logoUrl: string | null;
  homepageUrl: string | null;
  tenantName: string;
}

export type AuthorizeCheck =
  /** Not safe to redirect (unknown client, unregistered redirect URI): show the error on our page. */
  | { kind: "error"; message: string }
  /** A valid client and redirect URI but a bad request: tell the client (RFC 6749 §4.1.2.1). */
  | { kind: "redirect"; location: string }
  | { kind: "ok"; app: ConsentApp; params: AuthorizeParams };

/** `redirect_uri` with `params` added (plus `iss`, RFC 9207), keeping its own query. */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  url.searchParams.set("iss", issuer());
  return url.toString();
}

const vschar = /^[\x20-\x7e]{1,512}$/;
const challengePattern = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * Checks an authorization request (GET /oauth/authorize, and again on the consent POST): the client,
 * the exact redirect URI, `response_type=code` only, PKCE with S256 required, a `state`, and scopes
 * the app was registered for.
 */
export async function checkAuthorizeRequest(q: Record<string, string | undefined>): Promise<AuthorizeCheck> {
  const appId = q.client_id ? parsePublicId("app", q.client_id) : null;
  const found = appId ? await findOAuthClient(getSystemDb(), appId) : undefined;
  if (!found || found.tenant.status !== "active") return { kind: "error", message: "unknown_client" };
  const { app } = found;
  const redirectUri = q.redirect_uri;
  // Exact, character-for-character: a trailing slash, other case, added query or path is refused.
  if (!redirectUri || !app.redirectUris.includes(redirectUri)) return { kind: "error", message: "invalid_redirect_uri" };
  const state = q.state;
  const fail = (error: string, description: string): AuthorizeCheck => ({
    kind: "redirect",
    location: redirectWith(redirectUri, { error, error_description: description, state }),
  });
  if (q.response_type !== "code") return fail("unsupported_response_type", "Only response_type=code is supported.");
  if (!state || !vschar.test(state)) return fail("invalid_request", "A state parameter is required.");
  if (!q.code_challenge || !challengePattern.test(q.code_challenge) || q.code_challenge_method !== "S256") {
    return fail("invalid_request", "PKCE is required: send code_challenge with code_challenge_method=S256.");
  }
  const requested = q.scope === undefined ? app.scopes : q.scope.split(" ").filter(Boolean);
  if (requested.length === 0 || !requested.every((s) => isApiScope(s) && app.scopes.includes(s))) {
    return fail("invalid_scope", "Ask only for scopes the app was registered with.");
  }
  return {
    kind: "ok",
    app: { appId: app.id, name: app.name, logoUrl: app.logoUrl, homepageUrl: app.homepageUrl, tenantName: found.tenant.name },
    params: {
      clientId: q.client_id!,
      redirectUri,
      state,
      scope: apiScopes.filter((s) => requested.includes(s)),
      codeChallenge: q.code_challenge,
    },
  };
}
