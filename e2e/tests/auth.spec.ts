import { expect, test } from "@playwright/test";
import { newAccount, signIn, signUp } from "./support";

test("wrong credentials get one generic message, for unknown emails too; sign-out from the user menu", async ({
  page,
  browser,
  baseURL,
}) => {
  const account = newAccount("auth");
  await signUp(page, account);

  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  try {
    await other.goto("/login");
    await other.getByTestId("login-email").fill(account.email);
    await other.getByTestId("login-password").fill("not-the-password-1");
    await other.getByTestId("login-submit").click();
    await expect(other.getByTestId("login-error")).toHaveText("Wrong email or password.");
    // The typed email stays.
    await expect(other.getByTestId("login-email")).toHaveValue(account.email);

    await other.getByTestId("login-email").fill(`nobody-${account.email}`);
    await other.getByTestId("login-password").fill("whatever-password-1");
    await other.getByTestId("login-submit").click();
    await expect(other.getByTestId("login-error")).toHaveText("Wrong email or password.");

    await signIn(other, account);
    await expect(other).toHaveURL(/\/tenants\/new$/);
  } finally {
    await context.close();
  }

  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await page.waitForURL(/\/login/);
  await page.goto("/tenants/new");
  await expect(page).toHaveURL(/\/login\?next=%2Ftenants%2Fnew/);
});

test("console pages send signed-out visitors to sign in and back", async ({ page }) => {
  await page.goto("/t/some-tenant/devices");
  await expect(page).toHaveURL(/\/login\?next=%2Ft%2Fsome-tenant%2Fdevices/);
  await expect(page.getByTestId("login-form")).toBeVisible();
});

test("sign-up explains a taken email and a weak password", async ({ page }) => {
  const account = newAccount("taken");
  await signUp(page, account);
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await page.waitForURL(/\/login/);

  await page.goto("/signup");
  await page.getByTestId("signup-name").fill("Someone");
  await page.getByTestId("signup-email").fill(account.email);
  await page.getByTestId("signup-password").fill(account.password);
  await page.getByTestId("signup-submit").click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();

  await page.getByTestId("signup-email").fill(`new-${account.email}`);
  await page.getByTestId("signup-password").fill("onlyletters");
  await page.getByTestId("signup-submit").click();
  await expect(page.getByRole("alert").filter({ hasText: "Use letters and at least one digit or symbol" })).toBeVisible();
});

test("a non-member gets the same not-found page as an unknown tenant", async ({ page, browser, baseURL }) => {
  const a = newAccount("a");
  await signUp(page, a);
  await page.getByTestId("tenant-name").fill(`Private ${a.email.slice(2, 10)}`);
  const slug = await page.getByTestId("tenant-slug").inputValue();
  await page.getByTestId("tenant-create").click();
  await page.waitForURL(`**/t/${slug}`);

  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  try {
    await signUp(other, newAccount("b"));
    await other.goto(`/t/${slug}`);
    await expect(other.getByTestId("not-found")).toBeVisible();
    await other.goto(`/t/no-such-tenant-${Date.now()}`);
    await expect(other.getByTestId("not-found")).toBeVisible();
  } finally {
    await context.close();
  }
});
