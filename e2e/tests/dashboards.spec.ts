import { expect, test } from "@playwright/test";
import type { MqttClient } from "mqtt";
import { connectDevice, createThermostat } from "./device-client";
import { createTenant, newAccount, signUp } from "./support";

let client: MqttClient | null = null;
test.afterEach(async () => {
  await client?.endAsync(true).catch(() => {});
  client = null;
});

test("dashboard: two widgets, a live MQTT value, layout kept on reload, share link signed out, live and revoked", async ({
  page,
  baseURL,
  browser,
}) => {
  const account = newAccount("dash");
  await signUp(page, account);
  const slug = await createTenant(page, `Dash ${account.email.slice(5, 13)}`);
  const device = await createThermostat(page.request, baseURL ?? "", slug);

  await page.goto(`/t/${slug}/dashboards`);
  await expect(page.getByTestId("dashboards-empty")).toBeVisible();
  await page.getByTestId("new-dashboard").first().click();
  await page.getByTestId("dashboard-name").fill("Plant floor");
  await page.getByTestId("create-dashboard").click();
  await expect(page).toHaveURL(/\/dashboards\/dsh_[^/?]+\?edit=1$/);
  await expect(page.getByTestId("dashboard-empty")).toBeVisible();

  // Widget 1: the latest temperature.
  await page.getByTestId("add-widget").click();
  const dialog = page.getByTestId("add-widget-dialog");
  await dialog.getByTestId("widget-kind").selectOption("value");
  await dialog.getByTestId("widget-series-0-device").selectOption(device.id);
  await dialog.getByTestId("widget-series-0-key").selectOption("temperature");
  await dialog.getByTestId("widget-title").fill("Temperature now");
  await dialog.getByTestId("add-widget-confirm").click();
  // Widget 2: a chart of temperature and humidity.
  await page.getByTestId("add-widget").click();
  await dialog.getByTestId("widget-kind").selectOption("chart");
  await dialog.getByTestId("widget-series-0-device").selectOption(device.id);
  await dialog.getByTestId("widget-series-0-key").selectOption("temperature");
  await dialog.getByTestId("add-series").click();
  await dialog.getByTestId("widget-series-1-device").selectOption(device.id);
  await dialog.getByTestId("widget-series-1-key").selectOption("humidity");
  await dialog.getByTestId("add-widget-confirm").click();
  const widgets = page.locator('section[data-testid^="widget-"]');
  await expect(widgets).toHaveCount(2);
  await page.getByTestId("save-dashboard").click();
  await expect(page.getByTestId("edit-dashboard")).toBeVisible();

  // A value published by an MQTT client shows live.
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "open");
  client = await connectDevice(device);
  await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 23.5, humidity: 41 }), { qos: 1 });
  const value = page.locator('[data-testid^="widget-value-"]');
  await expect(value).toHaveAttribute("data-value", "23.5", { timeout: 5_000 });
  await expect(page.locator('[data-testid^="widget-chart-"]')).toBeVisible();

  // The layout (both widgets, their places) survives a reload.
  await expect(widgets.nth(1)).toHaveAttribute("aria-label", "Temperature, Humidity");
  const before = await widgets.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  await page.reload();
  await expect(widgets).toHaveCount(2);
  await expect(value).toHaveAttribute("data-value", "23.5");
  await expect(page.locator('[data-testid^="widget-chart-"]')).toBeVisible();
  expect(await widgets.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).toEqual(before);

  // Share: the link opens read-only in a signed-out browser.
  await page.getByTestId("share-dashboard").click();
  await page.getByTestId("new-share-link").click();
  const link = (await page.getByTestId("share-link").textContent()) ?? "";
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  const anon = await browser.newContext();
  const shared = await anon.newPage();
  await shared.goto(link);
  await expect(shared.getByTestId("shared-dashboard")).toContainText("Plant floor");
  await expect(shared.locator('[data-testid^="widget-value-"]')).toHaveAttribute("data-value", "23.5");
  await expect(shared.locator('section[data-testid^="widget-"]')).toHaveCount(2);
  await expect(shared.getByTestId("nav-devices")).toHaveCount(0);

  // The shared view is live over its link's stream: a new MQTT value shows within moments (it polls only every
  // 60 s while that stream is open).
  await expect(shared.getByTestId("live-indicator")).toHaveAttribute("data-state", "open");
  await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 24.5 }), { qos: 1 });
  await expect(shared.locator('[data-testid^="widget-value-"]')).toHaveAttribute("data-value", "24.5", { timeout: 5_000 });

  // Revoked: the open view's stream ends at once (the page says so), and a fresh load is refused.
  await page.getByTestId("revoke-share").click();
  await expect(page.getByTestId("share-row")).toContainText(/Revoked/);
  await expect(shared.getByTestId("shared-gone")).toBeVisible({ timeout: 4_000 });
  await shared.reload();
  await expect(shared.getByTestId("shared-gone")).toBeVisible();
  await anon.close();
});
