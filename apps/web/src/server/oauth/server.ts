import OAuth2Server, { OAuthError, Request as OAuthRequest, Response as OAuthResponse } from "@node-oauth/oauth2-server";
import { logger } from "../logger";
import { accessTokenSeconds, authorizationCodeSeconds, refreshTokenSeconds } from "./config";
import { oauthModel } from "./model";

/**
 * The authorization server, on @node-oauth/oauth2-server 5: authorization code (PKCE S256 enforced:
 * `plain` refused, and /oauth/authorize requires a challenge), client credentials, refresh tokens
 * rotated on every use. No implicit grant (the library has no token response type enabled) and no
 * password grant (refused before the library sees it).
 */
export const oauthServer = new OAuth2Server({
  model: oauthModel,
  accessTokenLifetime: accessTokenSeconds,
  refreshTokenLifetime: refreshTokenSeconds,
  authorizationCodeLifetime: authorizationCodeSeconds,
  allowEmptyState: false,
  alwaysIssueNewRefreshToken: true,
  allowExtendedTokenAttributes: false,
  // enablePlainPKCE defaults to false: `plain` is refused (not in the typings, so not spelled out).
});

/** The grant types the token endpoint accepts. */
export const supportedGrantTypes = ["authorization_code", "refresh_token", "client_credentials"] as const;

/** A form-encoded body (what OAuth endpoints take), at most 64 KiB. */
export async function readForm(req: Request): Promise<Record<string, string>> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return {};
  const text = await req.text();
  if (text.length > 65_536) return {};
  return Object.fromEntries(new URLSearchParams(text).entries());
}

/**
 * HTTP Basic client credentials, form-decoded as RFC 6749 §2.3.1 says (clients such as oauth4webapi
 * percent-encode `-`, `_` and `.`; the library's basic-auth parsing does not decode them).
 */
export function basicCredentials(header: string | null): { id: string; secret: string } | null {
  if (!header?.toLowerCase().startsWith("basic ")) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return null;
  const form = (v: string) => {
    try {
      return decodeURIComponent(v.replaceAll("+", " "));
    } catch {
      return v;
    }
  };
  return { id: form(decoded.slice(0, i)), secret: form(decoded.slice(i + 1)) };
}

export function toOAuthRequest(req: Request, form: Record<string, string>): OAuthRequest {
  const url = new URL(req.url);
  const headers = Object.fromEntries(req.headers.entries());
  const body = { ...form };
  const basic = basicCredentials(req.headers.get("authorization"));
  if (basic) {
    // Hand the library the decoded credentials in the body (its other accepted place).
    delete headers.authorization;
    body.client_id = basic.id;
    body.client_secret = basic.secret;
  }
  // The library (type-is) only sees a form body when a length or transfer-encoding is declared; the
  // body was read already, so say what it was.
  headers["content-type"] = "application/x-www-form-urlencoded";
  headers["content-length"] = String(new URLSearchParams(body).toString().length);
  return new OAuthRequest({
    method: req.method,
    headers,
    query: Object.fromEntries(url.searchParams.entries()),
    body,
  });
}

/** An OAuth error answer (RFC 6749 §5.2): `{error, error_description}`, never cached. */
export function oauthErrorResponse(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error, error_description: description },
    { status, headers: { "cache-control": "no-store", pragma: "no-cache", ...headers } },
  );
}

/** Maps what the library threw to its RFC answer; anything else is a logged server_error. */
export function fromOAuthError(err: unknown): Response {
  if (err instanceof OAuthError) {
    const headers: Record<string, string> = {};
    // invalid_client is a 401 with a Basic challenge however the client authenticated (RFC 6749 §5.2).
    const status = err.name === "invalid_client" ? 401 : err.code === 503 ? 500 : err.code;
    if (status === 401) headers["www-authenticate"] = 'Basic realm="aspen"';
    return oauthErrorResponse(status, err.name === "server_error" ? "server_error" : err.name, err.message, headers);
  }
  logger.error({ err }, "OAuth request failed");
  return oauthErrorResponse(500, "server_error", "Something went wrong on our side; retry later.");
}

export { OAuthResponse };
