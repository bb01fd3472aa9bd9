import { scopePermissions, type ApiScope } from "@aspen/core";
import { getDb } from "../../db";
import type { RequestMeta } from "../../request-meta";
import { permissionSet, type Scope } from "../../services/scope";
import { lookupOAuthAccessToken } from "../../oauth/token-lookup";
import { lookupApiKey } from "./api-key-lookup";
import { restError } from "./errors";
import type { Principal } from "./principal";
import { validateToken, type TokenLookup } from "./token-cache";

/** Token lookups by prefix: `ak_` API keys, `oat_` OAuth access tokens. */
const lookups = new Map<string, TokenLookup>([
  ["ak_", lookupApiKey],
  ["oat_", lookupOAuthAccessToken],
]);

const unauthenticated = () =>
  restError(401, "unauthenticated", "Send an API key or OAuth access token as `Authorization: Bearer <token>`.", null, {
    "www-authenticate": 'Bearer realm="aspen"',
  });

const invalidToken = (why: string) =>
  restError(401, "invalid_token", `The bearer token is not valid (${why}). Create a new key or get a new access token.`, null, {
    "www-authenticate": `Bearer realm="aspen", error="invalid_token"`,
  });

/** Resolves `Authorization: Bearer …` to the principal it stands for, or throws a 401. */
export async function authenticate(headers: Pick<Headers, "get">): Promise<Principal> {
  const header = headers.get("authorization");
  if (!header) throw unauthenticated();
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]{10,512})\s*$/i.exec(header);
  if (!m) throw unauthenticated();
  const token = m[1]!;
  const prefix = token.slice(0, token.indexOf("_") + 1);
  const lookup = prefix ? lookups.get(prefix) : undefined;
  if (!lookup) throw invalidToken("unknown");
  const result = await validateToken(token, lookup);
  if (!result.ok) throw invalidToken(result.refusal.replace("_", " "));
  const p = result.principal;
  if (p.expiresAt !== null && p.expiresAt <= Date.now()) throw invalidToken("expired");
  return p;
}

/** The service scope a principal acts in: its scopes' permissions intersected with its role. */
export function principalScope(p: Principal, meta: RequestMeta): Scope {
  return {
    tenant: p.tenant,
    // `=== true`: a principal cached before the field existed acts for nobody until it is looked up again.
    actor: { kind: p.kind, id: p.id, name: p.name, userId: p.userId, actsForUser: p.actsForUser === true },
    role: p.role,
    permissions: permissionSet(p.role, scopePermissions(p.scopes)),
    meta,
    db: getDb(),
  };
}

/** Throws 403 `insufficient_scope` unless the principal was granted `scope`. */
export function requireScope(p: Principal, scope: ApiScope): void {
  if (p.scopes.includes(scope)) return;
  throw restError(
    403,
    "insufficient_scope",
    `This token lacks the scope ${scope}.`,
    { required: scope, granted: p.scopes },
    {
      "www-authenticate": `Bearer realm="aspen", error="insufficient_scope", scope="${scope}"`,
    },
  );
}
