import { expect, test } from "@playwright/test";
import { createTenant, newAccount, signUp, trpcMutation } from "./support";

test("the one-time secret survives Escape twice, keeps focus inside and warns before the page is left", async ({ page, baseURL }) => {
  const account = newAccount("secret");
  await signUp(page, account);
  const slug = await createTenant(page, `Secrets ${account.email.slice(7, 15)}`);
  await trpcMutation(page.request, baseURL!, "product.create", { tenantSlug: slug, name: "Meter", thingModel: {} });

  await page.goto(`/t/${slug}/devices`);
  const newDevice = page.getByRole("button", { name: "New device" });
  const form = page.getByRole("dialog", { name: "New device" });
  // Focus moves into the dialog and back to its button.
  await newDevice.click();
  await expect(form.getByLabel("Device name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(form).toHaveCount(0);
  await expect(newDevice).toBeFocused();

  await newDevice.click();
  await expect(form.getByLabel("Device name")).toBeFocused();
  await form.getByLabel("Device name").fill("meter-1");
  await form.getByRole("button", { name: "Create device" }).click();

  const dialog = page.getByRole("dialog", { name: /meter-1/ });
  await expect(dialog.getByText("you won't see it again")).toBeVisible();
  const secret = (await dialog.getByTestId("device-secret").textContent())!.trim();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  // Every copy button says what it copies.
  for (const name of [
    "Copy MQTT password",
    "Copy MQTT host",
    "Copy MQTT port",
    "Copy MQTT username",
    "Copy MQTT client ID",
    "Copy mosquitto_pub command",
  ]) {
    await expect(dialog.getByRole("button", { name, exact: true })).toHaveCount(1);
  }

  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await dialog.click({ position: { x: 2, y: 2 } });
  await page.mouse.click(5, 5); // the backdrop
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("device-secret")).toHaveText(secret);

  // Focus stays in the dialog: tabbing never reaches the page behind.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }

  // Leaving the page asks first.
  const asked = new Promise<string>((resolve) => page.once("dialog", (d) => void d.dismiss().then(() => resolve(d.type()))));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe("beforeunload");
  expect(page.isClosed()).toBe(false);
  await expect(dialog.getByTestId("device-secret")).toHaveText(secret);

  await dialog.getByRole("button", { name: "I have saved it" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("device-row-meter-1")).toBeVisible();
});

test("menus and popovers move focus in and back; tabs follow the arrow keys", async ({ page }) => {
  const account = newAccount("menus");
  await signUp(page, account);
  const slug = await createTenant(page, `Menus ${account.email.slice(6, 14)}`);

  const userMenu = page.getByRole("button", { name: "User menu" });
  await expect(userMenu).toHaveAttribute("aria-haspopup", "menu");
  await userMenu.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "User menu" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Account" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(userMenu).toBeFocused();

  const switcher = page.getByRole("button", { name: /Switch tenant/ });
  await expect(switcher).toHaveAttribute("aria-haspopup", "menu");
  await switcher.click();
  await expect(page.getByRole("menuitem", { name: /Menus/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(switcher).toBeFocused();

  await page.goto(`/t/${slug}/products/new`);
  const editorTab = page.getByRole("tab", { name: "Editor" });
  const jsonTab = page.getByRole("tab", { name: "JSON" });
  await expect(editorTab).toHaveAttribute("aria-selected", "true");
  await editorTab.focus();
  await page.keyboard.press("ArrowRight");
  await expect(jsonTab).toBeFocused();
  await expect(jsonTab).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("textbox", { name: "Thing model as JSON" })).toBeVisible();
  await page.keyboard.press("Home");
  await expect(editorTab).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(jsonTab).toHaveAttribute("aria-selected", "true");
});
