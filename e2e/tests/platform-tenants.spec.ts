import { expect, test } from "@playwright/test";
import { makePlatformAdmin } from "./platform";
import { createTenant, expectNoHorizontalOverflow, newAccount, signUp, trpcMutation, unique } from "./support";

test("a platform operator moves a tenant to Pro after confirming, and its API key gets Pro's limit", async ({ page, browser, baseURL }) => {
  const base = String(baseURL);
  const operator = newAccount("plans");
  await signUp(page, operator);
  const name = `Plans ${unique()}`;
  const slug = await createTenant(page, name);
  const { secret } = await trpcMutation<{ secret: string }>(page.request, base, "apiKey.create", {
    tenantSlug: slug,
    name: "plan check",
    scopes: ["devices:read"],
  });
  const limitOf = async () =>
    (await page.request.get("/api/v1/devices?limit=1", { headers: { authorization: `Bearer ${secret}` } })).headers()["ratelimit-limit"];
  expect(await limitOf()).toBe("600");
  await page.goto(`/t/${slug}/api-keys`);
  await expect(page.getByTestId("api-plan-limit")).toHaveText("Free plan: each key and OAuth app may make 600 requests per minute.");

  // Not yet an operator: the page does not exist for them.
  await page.goto("/platform/tenants");
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  await makePlatformAdmin(operator.email);
  await page.goto("/tenants");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Tenants and plans" }).click();
  await expect(page).toHaveURL(/\/platform\/tenants/);
  await expect(page.getByRole("heading", { name: "Tenants and plans", level: 1 })).toBeVisible();

  await page.getByTestId("platform-tenant-search").fill(slug);
  const row = page.locator(`[data-testid="platform-tenant-row"][data-slug="${slug}"]`);
  await expect(page.getByTestId("platform-tenant-row")).toHaveCount(1);
  const select = row.getByRole("combobox", { name: `Plan of ${name}` });
  await expect(select).toHaveValue("free");

  // Changing the select asks first; cancelling leaves the plan as it was.
  await select.selectOption("pro");
  const dialog = page.getByRole("dialog", { name: `Move ${name} to Pro?` });
  await expect(dialog).toContainText("3,000 REST requests per minute (now 600)");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(select).toHaveValue("free");

  await select.selectOption("pro");
  await dialog.getByRole("button", { name: "Change plan" }).click();
  await expect(page.getByTestId("tenant-plan-notice")).toHaveText(`${name} is now on Pro.`);
  await expect(select).toHaveValue("pro");
  await page.reload();
  await page.getByTestId("platform-tenant-search").fill(slug);
  await expect(page.locator(`[data-testid="platform-tenant-row"][data-slug="${slug}"]`).getByRole("combobox")).toHaveValue("pro");
  // The web process that changed it applies it at once (one process in this stack).
  expect(await limitOf()).toBe("3000");
  await page.goto(`/t/${slug}/api-keys`);
  await expect(page.getByTestId("api-plan-limit")).toHaveText("Pro plan: each key and OAuth app may make 3,000 requests per minute.");

  // The same page in Chinese, on a phone, dark.
  const zh = await browser.newContext({
    baseURL,
    storageState: await page.context().storageState(),
    viewport: { width: 390, height: 844 },
    colorScheme: "dark",
  });
  const phone = await zh.newPage();
  await phone.goto("/tenants");
  await phone.getByTestId("locale-switcher").selectOption("zh-CN");
  await expect(phone.locator("html")).toHaveAttribute("lang", "zh-CN");
  await phone.goto("/platform/tenants");
  await expect(phone.getByRole("heading", { name: "租户与套餐", level: 1 })).toBeVisible();
  await phone.getByTestId("platform-tenant-search").fill(slug);
  await expect(phone.getByTestId("platform-tenant-row")).toHaveCount(1);
  await expect(phone.getByRole("combobox", { name: `${name} 的套餐` })).toHaveValue("pro");
  await expectNoHorizontalOverflow(phone);
  await zh.close();
});
