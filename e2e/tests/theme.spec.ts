import { expect, test, type Page } from "@playwright/test";

/** The body's painted background as `rgb(r, g, b)` (Tailwind 4 colours are oklch: a canvas converts them). */
const background = (page: Page) =>
  page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  });

/** True when the colour is dark (relative luminance well below the middle). */
function isDark(rgb: string): boolean {
  const [r = 255, g = 255, b = 255] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 80;
}

async function choose(page: Page, theme: "Light" | "Dark" | "System") {
  await page.getByRole("button", { name: /^Theme/ }).click();
  await page.getByRole("menuitemradio", { name: theme }).click();
}

test("the theme menu switches light and dark, remembers it, and returns to the system's choice", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/login");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);
  expect(isDark(await background(page))).toBe(false);

  await choose(page, "Dark");
  await expect(html).toHaveClass(/\bdark\b/);
  // Dark mode actually applied: the page is painted dark, not just classed.
  await expect.poll(async () => isDark(await background(page))).toBe(true);

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  expect(isDark(await background(page))).toBe(true);
  await page.getByRole("button", { name: "Theme: Dark" }).click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");

  await choose(page, "System");
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveClass(/\bdark\b/);
  await expect.poll(async () => isDark(await background(page))).toBe(true);

  await choose(page, "Light");
  await expect(html).not.toHaveClass(/\bdark\b/);
  expect(isDark(await background(page))).toBe(false);
});

test("without a choice the theme follows the system", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/signup");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect.poll(async () => isDark(await background(page))).toBe(true);
});
