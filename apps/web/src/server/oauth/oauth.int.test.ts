import { randomSuffix } from "@aspen/db/testing";
import * as oauth from "oauth4webapi";
import { beforeAll, describe, expect, it } from "vitest";
import { makeKey, rest, thingModel } from "../api/v1/testing";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../testing";
import { checkAuthorizeRequest } from "./authorize-request";
import { inProcessFetch } from "./testing";

ensureTestEnv();

const issuer = new URL("http://localhost:3000");
const redirectUri = "https://client.example.org/callback";

let w: RoleWorld;
let signedIn: { id: string; email: string } | null = null;
const fetchImpl = inProcessFetch(() => signedIn);
const opts = { [oauth.customFetch]: fetchImpl, [oauth.allowInsecureRequests]: true };
let as: oauth.AuthorizationServer;
let confidential: { client: oauth.Client; auth: oauth.ClientAuth; id: string };
let publicApp: { client: oauth.Client; id: string };
let deviceId: string;

beforeAll(async () => {
  w = await createRoleWorld();
  const admin = callerAs(w.users.admin);
  const made = await admin.oauthApp.create({
    tenantSlug: w.tenant.slug,
    name: `Dashboards ${randomSuffix()}`,
    redirectUris: [redirectUri],
    scopes: ["devices:read", "telemetry:read", "devices:write"],
    clientType: "confidential",
  });
  confidential = { client: { client_id: made.app.clientId }, auth: oauth.ClientSecretBasic(made.clientSecret!), id: made.app.id };
  const pub = await admin.oauthApp.create({
    tenantSlug: w.tenant.slug,
    name: `Mobile ${randomSuffix()}`,
    redirectUris: [redirectUri, "http://127.0.0.1:8765/cb"],
    scopes: ["devices:read"],
    clientType: "public",
  });
  publicApp = { client: { client_id: pub.app.clientId, token_endpoint_auth_method: "none" }, id: pub.app.id };
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...opts, algorithm: "oauth2" }));
  const p = await callerAs(w.users.owner).product.create({ tenantSlug: w.tenant.slug, name: `p-${randomSuffix()}`, thingModel });
  deviceId = (await callerAs(w.users.owner).device.create({ tenantSlug: w.tenant.slug, name: `d-${randomSuffix()}`, productId: p.id }))
    .device.id;
});

/** Runs the consent step as `user` (what the consent page posts) and returns the redirect's parameters. */
async function consent(
  client: oauth.Client,
  user: { id: string; email: string },
  q: Record<string, string>,
  decision = "allow",
  tenant = w.tenant.id,
) {
  signedIn = user;
  const res = await fetchImpl("http://localhost:3000/oauth/authorize/decision", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
    body: new URLSearchParams({ client_id: client.client_id, response_type: "code", redirect_uri: redirectUri, ...q, decision, tenant }),
  });
  expect(res.status).toBe(303);
  return new URL(res.headers.get("location")!);
}

async function codeFlow(client: oauth.Client, clientAuth: oauth.ClientAuth, scope = "devices:read telemetry:read") {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  const back = await consent(client, w.users.developer, { scope, state, code_challenge: challenge, code_challenge_method: "S256" });
  const params = oauth.validateAuthResponse(as, client, back, state);
  const res = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier, opts);
  return { tokens: await oauth.processAuthorizationCodeResponse(as, client, res), back, verifier, params };
}

describe("metadata (RFC 8414)", () => {
  it("is discovered by oauth4webapi and says S256, code only, iss in responses", () => {
    expect(as.issuer).toBe("http://localhost:3000");
    expect(as.code_challenge_methods_supported).toEqual(["S256"]);
    expect(as.response_types_supported).toEqual(["code"]);
    expect(as.grant_types_supported).not.toContain("password");
    expect(as.grant_types_supported).not.toContain("implicit");
    expect(as.authorization_response_iss_parameter_supported).toBe(true);
  });
});

describe("authorization code + PKCE", () => {
  it("issues tokens for the chosen tenant; the access token calls /api/v1/devices; iss and state come back", async () => {
    const { tokens, back } = await codeFlow(confidential.client, confidential.auth);
    expect(back.searchParams.get("iss")).toBe("http://localhost:3000");
    expect(tokens.access_token).toMatch(/^oat_/);
    expect(tokens.refresh_token).toMatch(/^ort_/);
    expect(tokens.expires_in).toBeGreaterThan(800);
    expect(tokens.expires_in).toBeLessThanOrEqual(900);
    const r = await rest("GET", "/devices?limit=5", { token: tokens.access_token });
    expect(r.status).toBe(200);
    expect(r.body.items.map((d: { id: string }) => d.id)).toContain(deviceId);
    // Scope too narrow: devices:write was not granted.
    expect((await rest("POST", "/devices", { token: tokens.access_token, body: { name: "x", productId: "prd_1" } })).status).toBe(403);
  });

  it("works for a public client without a secret", async () => {
    const { tokens } = await codeFlow(publicApp.client, oauth.None(), "devices:read");
    expect((await rest("GET", `/devices/${deviceId}`, { token: tokens.access_token })).status).toBe(200);
  });

  it("refuses a replayed code, and revokes what it issued", async () => {
    const { tokens, params, verifier } = await codeFlow(confidential.client, confidential.auth);
    const again = await oauth.authorizationCodeGrantRequest(
      as,
      confidential.client,
      confidential.auth,
      params,
      redirectUri,
      verifier,
      opts,
    );
    expect(again.status).toBe(400);
    expect((await again.json()).error).toBe("invalid_grant");
    expect((await rest("GET", "/devices", { token: tokens.access_token })).status).toBe(401);
  });

  it("refuses a missing or wrong code verifier", async () => {
    for (const wrong of [undefined, oauth.generateRandomCodeVerifier()]) {
      const verifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const back = await consent(confidential.client, w.users.developer, {
        scope: "devices:read",
        state,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
      });
      const params = oauth.validateAuthResponse(as, confidential.client, back, state);
      const body = new URLSearchParams({ grant_type: "authorization_code", code: params.get("code")!, redirect_uri: redirectUri });
      if (wrong) body.set("code_verifier", wrong);
      const res = await fetchImpl("http://localhost:3000/oauth/token", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${Buffer.from(`${confidential.client.client_id}:x`).toString("base64")}`,
        },
        body,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      // and with the right client credentials
      const res2 = await oauth.authorizationCodeGrantRequest(
        as,
        confidential.client,
        confidential.auth,
        params,
        redirectUri,
        wrong ?? oauth.nopkce,
        opts,
      );
      expect(res2.status).toBe(400);
      expect(["invalid_grant", "invalid_request"]).toContain((await res2.json()).error);
    }
  });

  it("refuses redirect URIs that differ by a trailing slash, case, an added query or path segment (no redirect)", async () => {
    const base = {
      client_id: confidential.client.client_id,
      response_type: "code",
      state: "s1",
      code_challenge: "a".repeat(43),
      code_challenge_method: "S256",
    };
    for (const uri of [
      `${redirectUri}/`,
      redirectUri.replace("callback", "Callback"),
      `${redirectUri}?x=1`,
      `${redirectUri}/more`,
      "https://CLIENT.example.org/callback",
    ]) {
      const check = await checkAuthorizeRequest({ ...base, redirect_uri: uri });
      expect(check, uri).toEqual({ kind: "error", message: "invalid_redirect_uri" });
    }
    expect((await checkAuthorizeRequest({ ...base, redirect_uri: redirectUri })).kind).toBe("ok");
  });

  it("refuses plain PKCE, no PKCE and response_type=token with an error redirect carrying state and iss", async () => {
    const base = { client_id: confidential.client.client_id, redirect_uri: redirectUri, state: "st", scope: "devices:read" };
    const cases: [Record<string, string>, string][] = [
      [{ response_type: "code", code_challenge: "a".repeat(43), code_challenge_method: "plain" }, "invalid_request"],
      [{ response_type: "code" }, "invalid_request"],
      [{ response_type: "token", code_challenge: "a".repeat(43), code_challenge_method: "S256" }, "unsupported_response_type"],
      [{ response_type: "code", code_challenge: "a".repeat(43), code_challenge_method: "S256", scope: "audit:read" }, "invalid_scope"],
    ];
    for (const [q, error] of cases) {
      const check = await checkAuthorizeRequest({ ...base, ...q });
      expect(check.kind).toBe("redirect");
      const url = new URL((check as { location: string }).location);
      expect(url.searchParams.get("error")).toBe(error);
      expect(url.searchParams.get("state")).toBe("st");
      expect(url.searchParams.get("iss")).toBe("http://localhost:3000");
    }
  });

  it("answers a denial with access_denied", async () => {
    const back = await consent(
      confidential.client,
      w.users.developer,
      { scope: "devices:read", state: "zz", code_challenge: "a".repeat(43), code_challenge_method: "S256" },
      "deny",
    );
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("state")).toBe("zz");
  });

  it("grants only tenants where the user's role covers the scopes (viewer cannot grant devices:write)", async () => {
    signedIn = w.users.viewer;
    const res = await fetchImpl("http://localhost:3000/oauth/authorize/decision", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: confidential.client.client_id,
        response_type: "code",
        redirect_uri: redirectUri,
        scope: "devices:write",
        state: "v",
        code_challenge: "a".repeat(43),
        code_challenge_method: "S256",
        decision: "allow",
        tenant: w.tenant.id,
      }),
    });
    expect(res.status).toBe(400);
  });
});

describe("refresh tokens", () => {
  it("rotate on every use; presenting a used one revokes the whole grant", async () => {
    const { tokens } = await codeFlow(confidential.client, confidential.auth);
    const r1 = await oauth.processRefreshTokenResponse(
      as,
      confidential.client,
      await oauth.refreshTokenGrantRequest(as, confidential.client, confidential.auth, tokens.refresh_token!, opts),
    );
    expect(r1.refresh_token).not.toBe(tokens.refresh_token);
    expect((await rest("GET", "/devices", { token: r1.access_token })).status).toBe(200);
    // Reuse of the first refresh token: refused, and the grant (with r1's tokens) is revoked.
    const reuse = await oauth.refreshTokenGrantRequest(as, confidential.client, confidential.auth, tokens.refresh_token!, opts);
    expect(reuse.status).toBe(400);
    expect((await rest("GET", "/devices", { token: r1.access_token })).status).toBe(401);
    const r2 = await oauth.refreshTokenGrantRequest(as, confidential.client, confidential.auth, r1.refresh_token!, opts);
    expect(r2.status).toBe(400);
  });
});

describe("client credentials", () => {
  it("gives the app a token in its own tenant that calls the API", async () => {
    const res = await oauth.clientCredentialsGrantRequest(as, confidential.client, confidential.auth, { scope: "devices:read" }, opts);
    const tokens = await oauth.processClientCredentialsResponse(as, confidential.client, res);
    expect(tokens.refresh_token).toBeUndefined();
    const r = await rest("GET", `/devices/${deviceId}`, { token: tokens.access_token });
    expect(r.status).toBe(200);
  });

  it("refuses a wrong secret and the public client", async () => {
    const bad = await oauth.clientCredentialsGrantRequest(as, confidential.client, oauth.ClientSecretBasic("acs_wrong"), {}, opts);
    expect(bad.status).toBe(401);
    const pub = await oauth.clientCredentialsGrantRequest(as, publicApp.client, oauth.None(), {}, opts);
    expect(pub.status).toBeGreaterThanOrEqual(400);
  });

  it("keeps the old secret working during the rotation overlap, and not after", async () => {
    const admin = callerAs(w.users.admin);
    const app = await admin.oauthApp.create({
      tenantSlug: w.tenant.slug,
      name: `r-${randomSuffix()}`,
      redirectUris: [redirectUri],
      scopes: ["devices:read"],
      clientType: "confidential",
    });
    const client = { client_id: app.app.clientId };
    const rotated = await admin.oauthApp.rotateSecret({ tenantSlug: w.tenant.slug, id: app.app.id, overlapHours: 1 });
    for (const secret of [app.clientSecret!, rotated.clientSecret]) {
      expect((await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(secret), {}, opts)).status).toBe(200);
    }
    await admin.oauthApp.rotateSecret({ tenantSlug: w.tenant.slug, id: app.app.id, overlapHours: 0 });
    expect((await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(rotated.clientSecret), {}, opts)).status).toBe(
      401,
    );
  });

  it("refuses grant_type=password", async () => {
    const res = await fetchImpl("http://localhost:3000/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", username: "a", password: "b", client_id: confidential.client.client_id }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("unsupported_grant_type");
  });
});

describe("revocation (RFC 7009) and introspection (RFC 7662)", () => {
  it("introspects an active token, revokes it, then it is inactive and the API answers 401", async () => {
    const { tokens } = await codeFlow(confidential.client, confidential.auth);
    const info = await oauth.processIntrospectionResponse(
      as,
      confidential.client,
      await oauth.introspectionRequest(as, confidential.client, confidential.auth, tokens.access_token, opts),
    );
    expect(info.active).toBe(true);
    expect(info.scope).toBe("devices:read telemetry:read");
    expect(info.client_id).toBe(confidential.client.client_id);
    expect((await rest("GET", "/devices", { token: tokens.access_token })).status).toBe(200);
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, confidential.client, confidential.auth, tokens.access_token, opts),
    );
    expect((await rest("GET", "/devices", { token: tokens.access_token })).status).toBe(401);
    const after = await oauth.processIntrospectionResponse(
      as,
      confidential.client,
      await oauth.introspectionRequest(as, confidential.client, confidential.auth, tokens.access_token, opts),
    );
    expect(after.active).toBe(false);
    // The refresh token still works: revoking an access token ends only that token.
    const r = await oauth.refreshTokenGrantRequest(as, confidential.client, confidential.auth, tokens.refresh_token!, opts);
    expect(r.status).toBe(200);
  });

  it("revoking a refresh token ends the grant; another client cannot introspect the token", async () => {
    const { tokens } = await codeFlow(confidential.client, confidential.auth);
    const otherApp = await callerAs(w.users.admin).oauthApp.create({
      tenantSlug: w.tenant.slug,
      name: `o-${randomSuffix()}`,
      redirectUris: [redirectUri],
      scopes: ["devices:read"],
      clientType: "confidential",
    });
    const other = { client_id: otherApp.app.clientId };
    const peek = await oauth.processIntrospectionResponse(
      as,
      other,
      await oauth.introspectionRequest(as, other, oauth.ClientSecretBasic(otherApp.clientSecret!), tokens.access_token, opts),
    );
    expect(peek.active).toBe(false);
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, confidential.client, confidential.auth, tokens.refresh_token!, opts),
    );
    expect((await rest("GET", "/devices", { token: tokens.access_token })).status).toBe(401);
  });
});

describe("tenant binding", () => {
  it("a token of tenant A gets 404 for tenant B's device id", async () => {
    const key = await makeKey(w.outsider, w.outsiderTenant.slug, ["devices:read", "devices:write", "products:write"]);
    const p = await rest("POST", "/products", { token: key.secret, body: { name: `p-${randomSuffix()}`, thingModel } });
    const foreign = await rest("POST", "/devices", { token: key.secret, body: { name: `d-${randomSuffix()}`, productId: p.body.id } });
    const { tokens } = await codeFlow(confidential.client, confidential.auth);
    const r = await rest("GET", `/devices/${foreign.body.device.id}`, { token: tokens.access_token });
    expect(r.status).toBe(404);
  });

  it("admins see the app's grants with last use and request counts", async () => {
    const { tokens } = await codeFlow(confidential.client, confidential.auth);
    await rest("GET", "/devices", { token: tokens.access_token });
    await new Promise((r) => setTimeout(r, 50));
    const grants = await callerAs(w.users.admin).oauthApp.grants({ tenantSlug: w.tenant.slug, id: confidential.id });
    const mine = grants.items.find((g) => g.userEmail === w.users.developer.email && !g.revokedAt);
    expect(mine?.requests).toBeGreaterThan(0);
    expect(mine?.lastUsedAt).toBeInstanceOf(Date);
    expect(grants.items.some((g) => g.revokedReason === "refresh_reuse" || g.revokedReason === "code_reuse")).toBe(true);
  });
});

describe("connected apps", () => {
  it("lists the apps a user authorised; revoking one ends its tokens; nobody else can revoke it", async () => {
    const { tokens } = await codeFlow(confidential.client, confidential.auth, "devices:read");
    const dev = callerAs(w.users.developer);
    const mine = await dev.oauthGrant.mine({});
    const item = mine.items.find((g) => g.app.id === confidential.id)!;
    expect(item.tenant.slug).toBe(w.tenant.slug);
    expect(item.scopes).toEqual(["devices:read"]);
    await expect(callerAs(w.users.viewer).oauthGrant.revoke({ id: item.id })).rejects.toThrow(/not found/i);
    expect((await rest("GET", "/devices", { token: tokens.access_token })).status).toBe(200);
    await dev.oauthGrant.revoke({ id: item.id });
    expect((await rest("GET", "/devices", { token: tokens.access_token })).status).toBe(401);
    expect((await dev.oauthGrant.mine({})).items.find((g) => g.id === item.id)).toBeUndefined();
  });
});
