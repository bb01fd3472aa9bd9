import { expect, test } from "@playwright/test";
import * as oauth from "oauth4webapi";
import { createTenant, newAccount, signUp, unique } from "./support";

/** A loopback redirect URI nobody listens on (not port 9: Chromium refuses "unsafe" ports): the test catches the request. */
const redirectUri = "http://127.0.0.1:8765/callback";

test("API key made in the console calls /api/v1, stops at revoke; the docs page loads only our assets", async ({
  page,
  request,
  baseURL,
}) => {
  const owner = newAccount("apikey");
  await signUp(page, owner);
  const slug = await createTenant(page, `Keys ${unique()}`);

  await page.goto(`/t/${slug}`);
  await page.getByTestId("nav-api-keys").click();
  await page.getByTestId("api-key-create").click();
  await page.getByTestId("api-key-name").fill("e2e script");
  await page.getByTestId("api-key-scope-devices:read").check();
  await page.getByTestId("api-key-scope-products:write").check();
  await page.getByTestId("api-key-submit").click();
  const secret = (await page.getByTestId("api-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^ak_/);
  await page.getByTestId("api-key-done").click();
  await expect(page.getByTestId("api-key-row")).toHaveCount(1);

  const ok = await request.get("/api/v1/devices?limit=5", { headers: { authorization: `Bearer ${secret}` } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["ratelimit-limit"]).toBe("600");

  // Bodies through the launcher's bridge (Node's request straight to the router): a create answered once per
  // Idempotency-Key and replayed after, malformed JSON and a body over 1 MiB refused.
  const auth = { authorization: `Bearer ${secret}` };
  const product = { name: `Bridge ${unique()}`, thingModel: { properties: [], events: [], commands: [] } };
  const created = await request.post("/api/v1/products", { headers: { ...auth, "idempotency-key": "e2e-bridge-1" }, data: product });
  expect(created.status()).toBe(201);
  expect(created.headers().location).toMatch(/^\/api\/v1\/products\/prd_/);
  const replayed = await request.post("/api/v1/products", { headers: { ...auth, "idempotency-key": "e2e-bridge-1" }, data: product });
  expect(replayed.status()).toBe(201);
  expect(replayed.headers()["idempotent-replayed"]).toBe("true");
  expect(await replayed.json()).toEqual(await created.json());
  const json = { ...auth, "content-type": "application/json" };
  const malformed = await request.post("/api/v1/products", { headers: json, data: Buffer.from('{"name": }') });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toMatchObject({ code: "invalid_json", details: { line: 1, column: 10 } });
  const big = await request.post("/api/v1/products", { headers: json, data: Buffer.from(`{"name":"${"x".repeat(1024 * 1024)}"}`) });
  expect(big.status()).toBe(413);
  expect((await big.json()).error.code).toBe("payload_too_large");

  await page.getByTestId("api-key-revoke").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("api-key-status")).toHaveText("Revoked");
  expect((await request.get("/api/v1/devices", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);

  // The reference renders from our own origin only.
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).origin !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  await page.goto(`/t/${slug}/api-keys`);
  await page.getByTestId("api-docs-link").click();
  await page.waitForURL("**/docs/api");
  await expect(page.getByRole("heading", { name: "Aspen IoT Cloud API" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("List products").first()).toBeVisible();
  expect(foreign).toEqual([]);
});

test("a third-party app gets consent in the browser, exchanges the code with PKCE and calls /api/v1/devices", async ({ page, baseURL }) => {
  const owner = newAccount("oauth");
  await signUp(page, owner);
  const slug = await createTenant(page, `OAuth ${unique()}`);

  // The admin registers the app in the console.
  await page.goto(`/t/${slug}/oauth-apps`);
  await page.getByTestId("oauth-app-register").click();
  await page.getByTestId("oauth-app-name").fill("Grafana bridge");
  await page.getByTestId("oauth-app-uris").fill(redirectUri);
  await page.getByTestId("oauth-app-scope-devices:read").check();
  await page.getByTestId("oauth-app-scope-telemetry:read").check();
  await page.getByTestId("oauth-app-submit").click();
  const clientId = (await page.getByTestId("oauth-app-client-id").textContent())!.trim();
  const clientSecret = (await page.getByTestId("oauth-app-secret").textContent())!.trim();
  expect(clientId).toMatch(/^app_/);

  // The app (oauth4webapi) discovers the server and sends the user to consent.
  const issuer = new URL(baseURL!);
  const opts = { [oauth.allowInsecureRequests]: true };
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...opts, algorithm: "oauth2" }));
  const client: oauth.Client = { client_id: clientId };
  const clientAuth = oauth.ClientSecretBasic(clientSecret);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "devices:read telemetry:read",
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  }).toString();

  let callback: string | null = null;
  await page.route("http://127.0.0.1:8765/**", async (route) => {
    callback = route.request().url();
    await route.fulfill({ status: 200, body: "done" });
  });
  await page.goto(url.toString());
  await expect(page.getByTestId("consent-title")).toHaveText("Authorize Grafana bridge");
  await expect(page.getByTestId("consent-scopes")).toContainText("Read devices and their state");
  await expect(page.getByTestId(`consent-tenant-${slug}`)).toBeChecked();
  await page.getByTestId("consent-allow").click();
  await expect.poll(() => callback).not.toBeNull();

  const params = oauth.validateAuthResponse(as, client, new URL(callback!), state);
  const tokens = await oauth.processAuthorizationCodeResponse(
    as,
    client,
    await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier, opts),
  );
  const res = await fetch(new URL("/api/v1/devices?limit=10", baseURL), { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);

  // The user sees the app under Connected apps and disconnects it; the token stops working.
  await page.goto("/account/connected-apps");
  await expect(page.getByTestId("connected-app")).toContainText("Grafana bridge");
  await page.getByTestId("connected-app-revoke").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("connected-app")).toHaveCount(0);
  const after = await fetch(new URL("/api/v1/devices", baseURL), { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect(after.status).toBe(401);
});

test("the consent page refuses an unregistered redirect URI without redirecting, in zh-CN too", async ({ page, context }) => {
  const owner = newAccount("oauthbad");
  await signUp(page, owner);
  await page.goto(
    `/oauth/authorize?client_id=app_1111111111111111111111&redirect_uri=${encodeURIComponent(redirectUri)}&response_type=code`,
  );
  await expect(page.getByTestId("oauth-error")).toContainText("not registered");
  await context.addCookies([{ name: "aspen-locale", value: "zh-CN", url: page.url() }]);
  await page.reload();
  await expect(page.getByTestId("oauth-error-title")).toHaveText("无法完成此授权请求");
});
