import { expect, test } from "@playwright/test";
import type { MqttClient } from "mqtt";
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectDevice, createThermostat } from "./device-client";
import { createTenant, expectNoHorizontalOverflow, newAccount, signUp, trpcMutation } from "./support";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver that answers 200 and keeps every request. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("received by e2e");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/aspen`, received, server };
}

/** Standard Webhooks: `v1,` base64 HMAC-SHA256 of `id.timestamp.body` with the base64 key after `whsec_`. */
function signatureOk(secret: string, r: Received): boolean {
  const id = String(r.headers["webhook-id"]);
  const ts = String(r.headers["webhook-timestamp"]);
  const expected = createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64"))
    .update(`${id}.${ts}.${r.body}`)
    .digest("base64");
  return String(r.headers["webhook-signature"]).split(" ").includes(`v1,${expected}`);
}

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "artifacts");

let client: MqttClient | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
test.afterEach(async () => {
  await client?.endAsync(true).catch(() => {});
  await new Promise((resolve) => receiver?.server.close(resolve) ?? resolve(undefined));
  client = undefined;
  receiver = undefined;
});

test("alerts: a rule made in the form raises an alarm from a real device; ack, clear, and the webhook's delivery log", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const account = newAccount("alerts");
  await signUp(page, account);
  const tenantName = `Alerts ${account.email.slice(7, 15)}`;
  const slug = await createTenant(page, tenantName);
  const device = await createThermostat(page.request, baseURL!, slug);
  receiver = await startReceiver();

  // Webhook endpoint: the secret is shown once, in a dialog only "I have saved it" closes.
  await page.getByRole("navigation", { name: "Tenant navigation" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expect(page.getByText("No endpoints yet")).toBeVisible();
  await page.getByRole("button", { name: "New endpoint" }).click();
  const createDialog = page.getByRole("dialog", { name: "New webhook endpoint" });
  await createDialog.getByLabel("URL").fill(receiver.url);
  await createDialog.getByLabel("Description").fill("e2e receiver");
  await createDialog.getByRole("button", { name: "Create endpoint" }).click();
  const secretDialog = page.getByRole("dialog", { name: "Signing secret" });
  await expect(secretDialog).toBeVisible();
  const secret = (await secretDialog.getByText(/^whsec_/).textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  await page.keyboard.press("Escape");
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByRole("button", { name: "I have saved it" }).click();
  await expect(page).toHaveURL(/\/webhooks\/whk_/);
  const endpointUrl = page.url();

  // Rule, through the form: the summary follows what is typed; an impossible value is refused as typed.
  await page.getByRole("link", { name: "Alerts", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Alert rules", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New rule" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Too hot");
  await page.getByLabel("Severity").selectOption("critical");
  await expect(page.getByLabel("Property of condition 1")).toHaveValue("temperature");
  await page.getByLabel("Operator of condition 1").selectOption(">");
  await page.getByLabel("Value of condition 1").fill("500");
  await expect(page.getByText(/Can never be true/)).toBeVisible();
  await page.getByLabel("Value of condition 1").fill("30");
  await expect(page.getByText(/Can never be true/)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Temperature above 30 °C on all devices" })).toBeVisible();
  await page.getByRole("checkbox", { name: "e2e receiver" }).check();
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByRole("link", { name: "Too hot", exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: /Too hot/ }).getByText("Temperature above 30 °C on all devices")).toBeVisible();
  await expect(page.getByRole("switch", { name: "Disable rule Too hot" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("link", { name: "Edit rule Too hot" }).click();
  await expect(page.getByRole("heading", { name: "Edit alert rule", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Value of condition 1")).toHaveValue("30");
  await expect(page.getByRole("status").filter({ hasText: "Temperature above 30 °C on all devices" })).toBeVisible();
  await page.getByRole("link", { name: "Back to rules" }).click();

  // A real device crosses the threshold (rules take effect within 5 s: publish until the badge counts it).
  client = await connectDevice(device);
  const badge = page.getByRole("link", { name: /^Open alarms: 1$/ });
  await expect(async () => {
    await client!.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 35 }), { qos: 1 });
    await expect(badge).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000] });

  // The owner is notified in the console (the rule notifies owners and admins by default).
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible({ timeout: 20_000 });
  await bell.click();
  await expect(page.getByRole("link", { name: "View alarm" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");

  // Alarm list → detail → acknowledge with a comment → clear after confirming.
  await badge.click();
  await expect(page.getByRole("heading", { name: "Alarms", level: 1 })).toBeVisible();
  await page
    .getByRole("link", { name: /^Open alarm / })
    .first()
    .click();
  await expect(page.getByText("Critical").first()).toBeVisible();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  const ack = page.getByRole("dialog", { name: "Acknowledge this alarm" });
  await ack.getByLabel("Comment").fill("On my way to the boiler room");
  await ack.getByRole("button", { name: "Acknowledge" }).click();
  await expect(ack).toBeHidden();
  const timeline = page.getByRole("list").filter({ hasText: "Raised" });
  await expect(timeline.getByText("On my way to the boiler room")).toBeVisible();
  await expect(page.getByTestId("alarm-status")).toHaveText("Acknowledged");
  await page.getByRole("button", { name: "Clear" }).click();
  const confirm = page.getByRole("dialog", { name: "Clear this alarm?" });
  await confirm.getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("alarm-status")).toHaveText("Cleared");
  await expect(page.getByRole("link", { name: "No open alarms" })).toBeVisible({ timeout: 15_000 });

  // The device page's temperature chart shows the alarm as a band.
  await page.goto(`/t/${slug}/devices/${device.id}`);
  await expect(page.getByTestId("chart-temperature").locator(".recharts-reference-area").first()).toBeAttached({ timeout: 20_000 });

  // The endpoint received alarm.created, .acknowledged and .cleared, signed with the secret shown once.
  await expect
    .poll(() => receiver!.received.map((r) => (JSON.parse(r.body) as { type: string }).type).sort(), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(["alarm.acknowledged", "alarm.cleared", "alarm.created"]));
  for (const r of receiver.received) expect(signatureOk(secret, r)).toBe(true);

  // Delivery log: every attempt with its request headers and body, response status and body, duration; send a test event.
  await page.goto(endpointUrl);
  const log = page.getByTestId("delivery-log");
  await expect(log.getByText("alarm.created", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(log.getByText("webhook.test", { exact: true })).toBeVisible({ timeout: 20_000 });
  const created = log.getByRole("listitem").filter({ hasText: "alarm.created" }).first();
  await expect(created.getByText("Delivered")).toBeVisible();
  await created.getByText(/^Attempts of delivery dlv_/).click();
  const attempt = created.getByTestId("delivery-attempt").first();
  await expect(attempt.getByText("HTTP 200")).toBeVisible();
  await expect(attempt.getByText(/webhook-signature: v1,/)).toBeVisible();
  await expect(attempt.getByText(/"type": "alarm.created"/)).toBeVisible();
  await expect(attempt.getByText("received by e2e")).toBeVisible();
  await expect(attempt.getByText(/\d+ ms/)).toBeVisible();

  // Rotating shows the new secret once; deleting the rule asks first.
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("dialog", { name: "Rotate the signing secret?" }).getByRole("button", { name: "Rotate secret" }).click();
  const rotated = page.getByRole("dialog", { name: "Signing secret" });
  const next = (await rotated.getByText(/^whsec_/).textContent()) ?? "";
  expect(next).toMatch(/^whsec_/);
  expect(next).not.toBe(secret);
  await rotated.getByRole("button", { name: "I have saved it" }).click();
  await page.goto(`/t/${slug}/alerts`);
  await page.getByRole("button", { name: "Delete rule Too hot" }).click();
  await page.getByRole("dialog", { name: "Delete this rule?" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No alert rules yet")).toBeVisible();
});

test("alerts pages fit 390px in dark mode and Chinese, with the summary in Chinese", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  const account = newAccount("alertsnarrow");
  await signUp(page, account);
  const slug = await createTenant(page, `Narrow alerts ${account.email.slice(13, 21)}`);
  await createThermostat(page.request, baseURL!, slug);
  const hook = await trpcMutation<{ endpoint: { id: string } }>(page.request, baseURL!, "webhook.create", {
    tenantSlug: slug,
    url: "https://93.184.215.14/aspen-hook",
  });
  await page.getByTestId("locale-switcher").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.goto(`/t/${slug}/alerts/new`);
  await expect(page.getByRole("heading", { name: "新建告警规则", level: 1 })).toBeVisible();
  await page.getByLabel("条件 1 的值").fill("30");
  await page.getByLabel("持续至少（秒）", { exact: true }).fill("300");
  await expect(page.getByRole("status").filter({ hasText: "Temperature 高于 30 °C 持续 5 分钟，作用于所有设备" })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(artifacts, "alert-rule-form-390-dark-zh.png"), fullPage: true });
  await page.getByLabel("触发类型").selectOption("event");
  await expect(page.getByLabel("事件", { exact: true })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  for (const [url, heading] of [
    [`/t/${slug}/alerts`, "告警规则"],
    [`/t/${slug}/alarms`, "告警"],
    [`/t/${slug}/webhooks`, "Webhook"],
  ] as const) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: heading, level: 1, exact: true })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }
  await page.goto(`/t/${slug}/webhooks/${hook.endpoint.id}`);
  await expect(page.getByRole("button", { name: "发送测试事件" })).toBeVisible();
  await expect(page.getByText("还没有投递")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.goto("/account");
  await expect(page.getByText("以下严重程度立即发邮件给我")).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
