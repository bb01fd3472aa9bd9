import { expect, test } from "@playwright/test";
import { stack } from "../stack";
import { newAccount, signUp } from "./support";

test("pages carry a nonce CSP with strict-dynamic, and every script has the nonce", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/login");
  const csp = res!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(res!.headers()["permissions-policy"]).toContain("camera=()");
  expect(res!.headers()["strict-transport-security"]).toBeUndefined(); // APP_URL is http here
  const html = await res!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  // A second request gets another nonce.
  const again = (await page.request.get("/login")).headers()["content-security-policy"]!;
  expect(again).not.toContain(nonce!);

  // The app still works under the policy: sign up, land in the console, switch theme.
  await signUp(page, newAccount("csp"));
  await expect(page).toHaveURL(/\/tenants/);
  expect(violations).toEqual([]);
});

test("/metrics is not on the console port but on the ops port; /healthz is terse", async ({ request }) => {
  expect((await request.get("/metrics")).status()).toBe(404);
  const ops = await request.get(`http://127.0.0.1:${stack.webOpsPort}/metrics`);
  expect(ops.status()).toBe(200);
  expect(await ops.text()).toContain("aspen_trpc_calls_total");
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", checks: { postgres: "ok", redis: "ok" } });
});

test("a forged X-Forwarded-For does not change the client address audit rows record", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" } });
  const page = await context.newPage();
  const email = `xff-${Date.now()}@test.aspen.dev`;
  await page.goto("/login");
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill("wrong-password-1");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-error")).toBeVisible();
  await context.close();
  // User-level audit rows (no tenant) are visible to the system role (DATABASE_URL) only.
  const sql = (await import("postgres")).default(process.env.DATABASE_URL!, { max: 1 });
  try {
    const rows = await sql<{ ip: string | null }[]>`select ip from audit_logs where actor_email = ${email}`;
    expect(rows.map((r) => r.ip)).toEqual(["127.0.0.1"]);
  } finally {
    await sql.end();
  }
});
