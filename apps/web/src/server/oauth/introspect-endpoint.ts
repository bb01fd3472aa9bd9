import { hashSecret, isApiScope, publicId } from "@aspen/core";
import { findOAuthToken } from "@aspen/db";
import { getSystemDb } from "../db";
import { authenticateClient } from "./client-auth";
import { issuer } from "./config";
import { oauthErrorResponse, readForm } from "./server";

/**
 * POST /oauth/introspect (RFC 7662) for the client the token was issued to: active, scope, client_id,
 * sub (the user, or the client for its own token), the tenant, exp and iat. Anything else is
 * `{"active":false}`.
 */
export async function handleIntrospect(req: Request): Promise<Response> {
  const body = await readForm(req);
  const client = await authenticateClient(req, body);
  if (!client)
    return oauthErrorResponse(401, "invalid_client", "Client authentication failed.", { "www-authenticate": 'Basic realm="aspen"' });
  if (!body.token) return oauthErrorResponse(400, "invalid_request", "Missing token.");
  const row = await findOAuthToken(getSystemDb(), hashSecret(body.token));
  const headers = { "cache-control": "no-store" };
  const now = Date.now();
  if (
    !row ||
    row.app.id !== client.appId ||
    row.token.kind === "code" ||
    row.token.revokedAt ||
    row.grant.revokedAt ||
    (row.token.kind === "refresh" && row.token.usedAt) ||
    row.token.expiresAt.getTime() <= now ||
    !row.role ||
    row.tenant.status !== "active"
  ) {
    return Response.json({ active: false }, { headers });
  }
  return Response.json(
    {
      active: true,
      scope: row.grant.scopes.filter(isApiScope).join(" "),
      client_id: client.id,
      token_type: row.token.kind === "access" ? "Bearer" : "refresh_token",
      sub: row.grant.userId ? publicId("usr", row.grant.userId) : client.id,
      tenant: publicId("ten", row.grant.tenantId),
      tenant_slug: row.tenant.slug,
      iss: issuer(),
      exp: Math.floor(row.token.expiresAt.getTime() / 1000),
      iat: Math.floor(row.token.createdAt.getTime() / 1000),
    },
    { headers },
  );
}
