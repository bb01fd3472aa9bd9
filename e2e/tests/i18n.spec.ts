import { expect, test } from "@playwright/test";
import { createTenant, newAccount, signUp } from "./support";

test("switching to Simplified Chinese changes the labels and is remembered across reloads", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByTestId("login-submit")).toHaveText("Sign in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByTestId("locale-switcher").selectOption("zh-CN");
  await expect(page.getByTestId("login-submit")).toHaveText("登录");
  await expect(page.getByTestId("page-title")).toHaveText("登录 Aspen");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.reload();
  await expect(page.getByTestId("login-submit")).toHaveText("登录");
  await expect(page.getByTestId("locale-switcher")).toHaveValue("zh-CN");

  // The choice follows the user into the console.
  const account = newAccount("zh");
  await signUp(page, account);
  await expect(page.getByTestId("page-title")).toHaveText("创建租户");
  const slug = await createTenant(page, `中文 ${account.email.slice(3, 12)}`);
  await expect(page.getByTestId("nav-devices")).toHaveText("设备");
  await page.getByTestId("nav-devices").click();
  await expect(page.getByTestId("page-title")).toHaveText("设备");
  await expect(page.getByTestId("new-device")).toHaveText("新建设备");
  await page.reload();
  await expect(page.getByTestId("new-device")).toHaveText("新建设备");

  // And back to English.
  await page.getByTestId("locale-switcher").selectOption("en");
  await expect(page.getByTestId("new-device")).toHaveText("New device");
  await page.goto(`/t/${slug}/products`);
  await expect(page.getByTestId("page-title")).toHaveText("Products");
});

test("the first visit follows the browser's language", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "zh-CN" });
  const page = await context.newPage();
  try {
    await page.goto("/signup");
    await expect(page.getByTestId("signup-submit")).toHaveText("创建账户");
  } finally {
    await context.close();
  }
});
