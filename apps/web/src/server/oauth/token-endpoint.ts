import { oauthErrorResponse, oauthServer, OAuthResponse, fromOAuthError, readForm, supportedGrantTypes, toOAuthRequest } from "./server";

/**
 * POST /oauth/token. Refuses grant types other than authorization_code, refresh_token and
 * client_credentials (`password`, implicit, device codes) before the library sees them.
 */
export async function handleToken(req: Request): Promise<Response> {
  const body = await readForm(req);
  const grantType = body.grant_type;
  if (!grantType) return oauthErrorResponse(400, "invalid_request", "Missing grant_type (send application/x-www-form-urlencoded).");
  if (!(supportedGrantTypes as readonly string[]).includes(grantType)) {
    return oauthErrorResponse(
      400,
      "unsupported_grant_type",
      `grant_type ${grantType} is not supported; use ${supportedGrantTypes.join(", ")}.`,
    );
  }
  const res = new OAuthResponse();
  try {
    const token = await oauthServer.token(toOAuthRequest(req, body), res);
    const scope = Array.isArray(token.scope) ? token.scope.join(" ") : undefined;
    return Response.json(
      {
        access_token: token.accessToken,
        token_type: "Bearer",
        expires_in: Math.round(((token.accessTokenExpiresAt?.getTime() ?? Date.now()) - Date.now()) / 1000),
        ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
        ...(scope ? { scope } : {}),
      },
      { headers: { "cache-control": "no-store", pragma: "no-cache" } },
    );
  } catch (err) {
    return fromOAuthError(err);
  }
}
