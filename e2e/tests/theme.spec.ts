import { expect, test } from "@playwright/test";

test("the dark mode toggle switches the theme and remembers it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/login");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.getByTestId("theme-toggle").click();
  await expect(html).toHaveClass(/\bdark\b/);
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);

  await page.getByTestId("theme-toggle").click();
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test("without a choice the theme follows the system", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/signup");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
});
