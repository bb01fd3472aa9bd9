import { upsertOAuthGrant, withTenant } from "@aspen/db";
import { getEnv } from "../../env";
import { auth } from "../auth";
import { recordAudit } from "../audit";
import { getSystemDb } from "../db";
import { logger } from "../logger";
import { requestMeta } from "../request-meta";
import { checkAuthorizeRequest, redirectWith } from "./authorize-request";
import { grantableTenants } from "./consent-tenants";
import type { GrantUser } from "./model";
import { oauthServer, OAuthResponse, readForm, toOAuthRequest } from "./server";

/**
 * Where to send the browser next. The consent page submits with fetch and navigates itself (a native
 * form post redirecting to the client would be blocked by the page's CSP `form-action 'self'`), so
 * JSON callers get `{ location }`; other callers a 303.
 */
function answerer(req: Request) {
  const json = (req.headers.get("accept") ?? "").includes("application/json");
  return (location: string) =>
    json
      ? Response.json({ location }, { headers: { "cache-control": "no-store" } })
      : new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

/**
 * POST /oauth/authorize/decision: the consent form. Checks the request again, the session, the
 * Origin (no cross-site submissions) and that the chosen tenant is one where the user's role covers
 * the scopes; records the grant; then the library issues the code and we add `iss` (RFC 9207).
 */
export function createDecisionHandler(sessionUser: () => Promise<{ id: string; email: string } | null>) {
  return (req: Request) => decide(req, sessionUser);
}

/** The consent handler with the next-auth session. */
export const handleDecision = createDecisionHandler(async () => {
  const session = await auth();
  return session?.user?.id ? { id: session.user.id, email: session.user.email ?? "" } : null;
});

async function decide(req: Request, sessionUser: () => Promise<{ id: string; email: string } | null>): Promise<Response> {
  const see = answerer(req);
  const origin = req.headers.get("origin");
  const appUrl = new URL(getEnv().APP_URL);
  if (origin && origin !== appUrl.origin) return new Response("Cross-site form refused", { status: 403 });
  const form = await readForm(req);
  const check = await checkAuthorizeRequest(form);
  if (check.kind === "error") return new Response(`Invalid authorization request (${check.message})`, { status: 400 });
  if (check.kind === "redirect") return see(check.location);
  const { params, app } = check;
  const signedIn = await sessionUser();
  const userId = signedIn?.id;
  if (!userId) return see(`/login?next=${encodeURIComponent(`/oauth/authorize?${new URLSearchParams(form)}`)}`);
  if (form.decision !== "allow")
    return see(
      redirectWith(params.redirectUri, { error: "access_denied", error_description: "The user denied access.", state: params.state }),
    );

  const tenant = (await grantableTenants(userId, params.scope)).find((t) => t.id === form.tenant);
  if (!tenant) return new Response("Choose one of your tenants whose role covers the requested scopes.", { status: 400 });
  const grant = await withTenant(getSystemDb(), tenant.id, (tx) =>
    upsertOAuthGrant(tx, { tenantId: tenant.id, appId: app.appId, userId, scopes: params.scope }),
  );
  const user: GrantUser & { scopes: string[] } = { grantId: grant.id, tenantId: tenant.id, userId, scopes: params.scope };
  const res = new OAuthResponse();
  try {
    await oauthServer.authorize(
      toOAuthRequest(req, {
        client_id: params.clientId,
        redirect_uri: params.redirectUri,
        response_type: "code",
        state: params.state,
        scope: params.scope.join(" "),
        code_challenge: params.codeChallenge,
        code_challenge_method: "S256",
      }),
      res,
      { authenticateHandler: { handle: () => user } },
    );
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "authorization failed");
    const location = res.headers?.location;
    return location ? see(redirectWith(location, {})) : new Response("Authorization failed", { status: 400 });
  }
  await recordAudit(
    { user: { id: userId, email: signedIn.email }, tenant: { id: tenant.id }, meta: requestMeta(req.headers) },
    { action: "oauthGrant.create", targetType: "oauthApp", targetName: app.name, details: { scopes: params.scope } },
  );
  const location = (res.headers as Record<string, string>).location!;
  return see(redirectWith(location, {}));
}
