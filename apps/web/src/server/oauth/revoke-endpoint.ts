import { hashSecret } from "@aspen/core";
import { findOAuthToken, revokeOAuthGrant, revokeOAuthToken, withTenant } from "@aspen/db";
import { forgetApiToken, forgetToken } from "../api/v1/token-cache";
import { getSystemDb } from "../db";
import { authenticateClient } from "./client-auth";
import { oauthErrorResponse, readForm } from "./server";

/**
 * POST /oauth/revoke (RFC 7009). Revoking a refresh token ends the whole grant (its access tokens
 * too); revoking an access token ends that token. Unknown tokens and other clients' tokens get the
 * same 200, so nothing is revealed.
 */
export async function handleRevoke(req: Request): Promise<Response> {
  const body = await readForm(req);
  const client = await authenticateClient(req, body);
  if (!client)
    return oauthErrorResponse(401, "invalid_client", "Client authentication failed.", { "www-authenticate": 'Basic realm="aspen"' });
  const token = body.token;
  if (!token) return oauthErrorResponse(400, "invalid_request", "Missing token.");
  const row = await findOAuthToken(getSystemDb(), hashSecret(token));
  if (row && row.app.id === client.appId && row.token.kind !== "code") {
    await withTenant(getSystemDb(), row.token.tenantId, async (tx) => {
      if (row.token.kind === "refresh") await revokeOAuthGrant(tx, row.grant.id, "client_revoked");
      else await revokeOAuthToken(tx, row.token.id);
    });
    if (row.token.kind === "refresh") await forgetApiToken({ kind: "oauthGrant", id: row.grant.id });
    else await forgetToken(token);
  }
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}
