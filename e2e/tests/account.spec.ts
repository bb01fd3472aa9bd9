import { expect, test } from "@playwright/test";
import { newAccount, signIn, signUp } from "./support";

test("changing the password ends the session; only the new password works", async ({ page }) => {
  const account = newAccount("pw");
  await signUp(page, account);
  await page.getByTestId("user-menu").click();
  await page.getByTestId("account-link").click();
  await expect(page.getByTestId("account-email")).toHaveText(account.email);

  await page.getByTestId("current-password").fill("not-my-password-1");
  await page.getByTestId("new-password").fill("brand-new-pass-77");
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByText("The current password is wrong.")).toBeVisible();

  await page.getByTestId("current-password").fill(account.password);
  await page.getByTestId("change-password-submit").click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  await page.waitForURL(/\/login/);

  await page.getByTestId("login-password").fill(account.password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await signIn(page, { email: account.email, password: "brand-new-pass-77" });
  await expect(page).toHaveURL(/\/tenants\/new$/);
});

test("sign out everywhere ends the sessions of other browsers", async ({ page, browser, baseURL }) => {
  const account = newAccount("everywhere");
  await signUp(page, account);
  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  try {
    await signIn(other, account);
    await other.goto("/tenants/new");
    await expect(other.getByTestId("new-tenant-form")).toBeVisible();

    await page.goto("/account");
    await page.getByTestId("sign-out-everywhere").click();
    await page.getByTestId("confirm-ok").click();
    await page.waitForURL(/\/login/);

    await other.goto("/tenants/new");
    await expect(other).toHaveURL(/\/login/);
  } finally {
    await context.close();
  }
});
