import type { ApiScope } from "@aspen/core";
import { randomSuffix } from "@aspen/db/testing";
import * as oauth from "oauth4webapi";
import { callerAs } from "../../testing";
import { inProcessFetch } from "../testing";

type User = { id: string; email: string; name: string };

const issuer = new URL("http://localhost:3000");
const redirectUri = "https://client.example.org/callback";

/**
 * A confidential OAuth app registered by `admin` in a tenant, and a real client (oauth4webapi) that gets
 * its tokens in-process: `userToken` runs authorization code + PKCE with `user` consenting for the
 * tenant; `appToken` is a client-credentials token (the app acting for itself).
 */
export async function oauthTestApp(opts: { admin: User; tenantSlug: string; tenantId: string; scopes: ApiScope[] }) {
  const made = await callerAs(opts.admin).oauthApp.create({
    tenantSlug: opts.tenantSlug,
    name: `App ${randomSuffix()}`,
    redirectUris: [redirectUri],
    scopes: opts.scopes,
    clientType: "confidential",
  });
  if (!made.clientSecret) throw new Error("a confidential app has a client secret");
  const client: oauth.Client = { client_id: made.app.clientId };
  const auth = oauth.ClientSecretBasic(made.clientSecret);
  let signedIn: { id: string; email: string } | null = null;
  const fetchImpl = inProcessFetch(() => signedIn);
  const httpOpts = { [oauth.customFetch]: fetchImpl, [oauth.allowInsecureRequests]: true };
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...httpOpts, algorithm: "oauth2" }));

  async function userToken(user: User, scopes: ApiScope[]): Promise<string> {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    signedIn = user;
    const res = await fetchImpl(`${issuer.origin}/oauth/authorize/decision`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: issuer.origin },
      body: new URLSearchParams({
        client_id: client.client_id,
        response_type: "code",
        redirect_uri: redirectUri,
        scope: scopes.join(" "),
        state,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        decision: "allow",
        tenant: opts.tenantId,
      }),
    });
    const location = res.headers.get("location");
    if (res.status !== 303 || !location) throw new Error(`consent answered ${res.status}`);
    const params = oauth.validateAuthResponse(as, client, new URL(location), state);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, auth, params, redirectUri, verifier, httpOpts),
    );
    return tokens.access_token;
  }

  async function appToken(scopes: ApiScope[]): Promise<string> {
    const res = await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: scopes.join(" ") }, httpOpts);
    return (await oauth.processClientCredentialsResponse(as, client, res)).access_token;
  }

  return { userToken, appToken };
}
