import { expect, test, type Page } from "@playwright/test";
import type { MqttClient } from "mqtt";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectDevice, createThermostat, nextMessage, type TestDevice } from "./device-client";
import { createTenant, newAccount, signUp } from "./support";

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "artifacts");

/** A fresh owner, tenant and thermostat; the device page open with its live stream subscribed. */
async function openDevicePage(page: Page, baseURL: string, label: string): Promise<{ slug: string; device: TestDevice }> {
  const account = newAccount(label);
  await signUp(page, account);
  const slug = await createTenant(page, `Live ${account.email.slice(label.length + 1, label.length + 9)}`);
  const device = await createThermostat(page.request, baseURL, slug);
  await page.goto(`/t/${slug}/devices/${device.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "open");
  return { slug, device };
}

let clients: MqttClient[] = [];
test.afterEach(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
  clients = [];
});
async function connect(device: TestDevice) {
  const client = await connectDevice(device);
  clients.push(client);
  return client;
}

test("device page: published telemetry shows within 2 s in latest values and the chart; online badge follows the connection", async ({
  page,
  baseURL,
}) => {
  const { device } = await openDevicePage(page, baseURL!, "live");
  const status = page.getByTestId("device-status");
  await expect(status).toHaveAttribute("data-status", "offline");
  await expect(page.getByTestId("latest-values-empty")).toBeVisible();

  const client = await connect(device);
  await expect(status).toHaveAttribute("data-status", "online");
  await expect(page.getByTestId("device-connections").getByTestId("connection-open")).toHaveCount(1);

  // QoS 1: resolved once the broker committed the message; from then on the page has 2 s.
  await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 23.5, humidity: 41 }), { qos: 1 });
  await expect(page.getByTestId("latest-temperature").getByTestId("latest-value")).toHaveText("23.5 °C", { timeout: 2_000 });
  await expect(page.getByTestId("latest-humidity").getByTestId("latest-value")).toHaveText("41 %", { timeout: 2_000 });
  await expect(page.getByTestId("chart-temperature")).toHaveAttribute("data-last-value", "23.5", { timeout: 2_000 });

  await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 24.25 }), { qos: 1 });
  await expect(page.getByTestId("latest-temperature").getByTestId("latest-value")).toHaveText("24.25 °C", { timeout: 2_000 });
  await expect(page.getByTestId("chart-temperature")).toHaveAttribute("data-last-value", "24.25", { timeout: 2_000 });
  await expect(page.getByTestId("chart-temperature").locator("svg .recharts-line").first()).toBeVisible();

  // An event and a rejected message arrive live in their lists too.
  await client.publishAsync("v1/devices/me/events/overheat", JSON.stringify({ temperature: 90 }), { qos: 1 });
  await expect(page.getByTestId("device-events").getByTestId("device-events-row")).toHaveCount(1);
  await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: "hot" }), { qos: 1 });
  await expect(page.getByTestId("device-errors").getByTestId("device-errors-row").first()).toContainText("temperature");

  await client.endAsync();
  await expect(status).toHaveAttribute("data-status", "offline");
  await expect(page.getByTestId("device-connections").getByTestId("connection-open")).toHaveCount(0);
  await expect(page.getByTestId("device-connections")).toContainText("client disconnected");
  // Nothing of this needed a reload: the values are still the live ones.
  await expect(page.getByTestId("latest-temperature").getByTestId("latest-value")).toHaveText("24.25 °C");
});

test("command round trip: sent from the panel, answered by the device, history shows succeeded with the result", async ({
  page,
  baseURL,
}) => {
  const { device } = await openDevicePage(page, baseURL!, "cmd");
  const client = await connect(device);
  await client.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
  const request = nextMessage(client, "v1/devices/me/rpc/request/");

  await page.getByTestId("command-method").selectOption("setTarget");
  await page.getByTestId("command-param-target").fill("40");
  await page.getByTestId("command-send").click();
  await expect(page.getByTestId("command-panel")).toContainText("Must be at most 30");
  await expect(page.getByTestId("command-history-empty")).toBeVisible();

  await page.getByTestId("command-param-target").fill("22.5");
  await page.getByTestId("command-send").click();
  const { topic, json } = await request;
  expect(json).toEqual({ method: "setTarget", params: { target: 22.5 } });
  const requestId = topic.split("/").at(-1)!;
  const row = page.getByTestId(`command-row-${requestId}`);
  await expect(row.getByTestId("command-status")).toHaveAttribute("data-status", "sent");

  await client.publishAsync(`v1/devices/me/rpc/response/${requestId}`, JSON.stringify({ target: 22.5 }), { qos: 1 });
  await expect(row.getByTestId("command-status")).toHaveAttribute("data-status", "succeeded");
  await expect(row.getByTestId("command-status")).toHaveText("Succeeded");
  await expect(row.getByTestId("command-result")).toHaveText('{"target":22.5}');
  // Created, sent and completed times are all filled in.
  await expect(row.locator("td").filter({ hasText: "—" })).toHaveCount(0);
  await page.screenshot({ path: path.join(artifacts, "device-1280.png"), fullPage: true });
});

test("desired attributes: validated per field, conflict-safe, and pushed to the device on v1/devices/me/attributes", async ({
  page,
  baseURL,
}) => {
  const { device } = await openDevicePage(page, baseURL!, "attr");
  const client = await connect(device);
  await client.subscribeAsync("v1/devices/me/attributes", { qos: 1 });

  await page.getByTestId("desired-edit").click();
  await page.getByTestId("desired-target").fill("50");
  await page.getByTestId("desired-save").click();
  await expect(page.getByTestId("desired-form")).toContainText("Must be at most 30");

  const pushed = nextMessage(client, "v1/devices/me/attributes");
  await page.getByTestId("desired-target").fill("21");
  await page.getByTestId("desired-mode").selectOption("eco");
  await page.getByTestId("desired-save").click();
  await expect(page.getByTestId("desired-saved")).toBeVisible();
  expect((await pushed).json).toMatchObject({ target: 21, mode: "eco" });
  const target = page.getByTestId("attribute-target");
  await expect(target.getByTestId("attribute-desired")).toContainText("21 °C");
  await expect(target.getByTestId("attribute-pending")).toBeVisible();

  // The device reports the value back: no longer pending, without a reload.
  await client.publishAsync("v1/devices/me/attributes", JSON.stringify({ target: 21 }), { qos: 1 });
  await expect(target.getByTestId("attribute-reported")).toHaveText("21 °C");
  await expect(target.getByTestId("attribute-pending")).toHaveCount(0);

  // Editing from a stale version is refused with a way to reload.
  await page.getByTestId("desired-edit").click();
  await client.publishAsync("v1/devices/me/attributes", JSON.stringify({ mode: "comfort" }), { qos: 1 });
  await expect(page.getByTestId("attribute-mode").getByTestId("attribute-reported")).toHaveText("comfort");
  await page.getByTestId("desired-target").fill("22");
  await page.getByTestId("desired-save").click();
  await expect(page.getByTestId("desired-conflict")).toBeVisible();
  await page.getByTestId("desired-reload").click();
  await expect(page.getByTestId("desired-conflict")).toHaveCount(0);
  const again = nextMessage(client, "v1/devices/me/attributes");
  await page.getByTestId("desired-save").click();
  await expect(page.getByTestId("desired-saved")).toBeVisible();
  expect((await again).json).toMatchObject({ target: 22 });
});
