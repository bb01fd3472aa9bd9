import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { newAccount, signIn, signUp } from "./support";

test("forgot password: the form answers the same for any address, at 390 px too", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/login");
  await page.getByTestId("to-forgot").click();
  await expect(page).toHaveURL(/\/forgot$/);
  await page.getByTestId("forgot-email").fill(`nobody-${Date.now()}@e2e.aspen.test`);
  await page.getByTestId("forgot-submit").click();
  await expect(page.getByTestId("forgot-sent")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a reset link sets a new password once and the old one stops working", async ({ page, browser }) => {
  const account = newAccount("reset");
  await signUp(page, account);
  // The e2e stack sends no mail: put a link in the database as the mailer's caller would (hash only).
  const token = randomBytes(32).toString("base64url");
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  try {
    await sql`insert into password_resets (user_id, token_hash, expires_at)
      select id, ${createHash("sha256").update(token).digest("hex")}, now() + interval '1 hour' from users where email = ${account.email}`;
  } finally {
    await sql.end();
  }
  const fresh = await browser.newContext();
  const p = await fresh.newPage();
  await p.goto(`/reset/${token}`);
  await p.getByTestId("reset-password").fill("Password123!");
  await p.getByTestId("reset-submit").click();
  await expect(p.getByText(/among the first a guesser tries/)).toBeVisible();
  await p.getByTestId("reset-password").fill("quiet-harbour-lamp-5");
  await p.getByTestId("reset-submit").click();
  await expect(p.getByTestId("reset-done")).toBeVisible();
  // once only
  await p.goto(`/reset/${token}`);
  await p.getByTestId("reset-password").fill("another-harbour-lamp-6");
  await p.getByTestId("reset-submit").click();
  await expect(p.getByTestId("reset-error")).toBeVisible();
  // the new password signs in; the old session ended
  await signIn(p, { email: account.email, password: "quiet-harbour-lamp-5" });
  await expect(p).not.toHaveURL(/\/login/);
  await page.goto("/tenants");
  await expect(page).toHaveURL(/\/login/);
  await fresh.close();
});

test("an email confirmation link confirms the address once", async ({ page }) => {
  const account = newAccount("verify");
  await signUp(page, account);
  const token = randomBytes(32).toString("base64url");
  const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
  try {
    await sql`insert into email_verifications (user_id, email, token_hash, expires_at)
      select id, email, ${createHash("sha256").update(token).digest("hex")}, now() + interval '1 hour' from users where email = ${account.email}`;
  } finally {
    await sql.end();
  }
  await page.goto(`/verify/${token}`);
  await expect(page.getByTestId("verify-done")).toContainText(account.email);
  await page.goto(`/verify/${token}`);
  await expect(page.getByTestId("verify-error")).toBeVisible();
});
