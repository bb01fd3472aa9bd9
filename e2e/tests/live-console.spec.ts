import { expect, test } from "@playwright/test";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectDevice, createThermostat } from "./device-client";
import { acceptInvitationAsNewUser, createTenant, expectNoHorizontalOverflow, newAccount, signUp, trpcMutation } from "./support";

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "artifacts");

test("devices list and overview follow the device's online state live", async ({ page, baseURL }) => {
  const account = newAccount("presence");
  await signUp(page, account);
  const slug = await createTenant(page, `Presence ${account.email.slice(9, 17)}`);
  const device = await createThermostat(page.request, baseURL!, slug);

  await page.goto(`/t/${slug}/devices`);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "open");
  const row = page.getByTestId(`device-row-${device.name}`);
  await expect(row.getByTestId("device-status")).toHaveAttribute("data-status", "offline");
  let client = await connectDevice(device);
  await expect(row.getByTestId("device-status")).toHaveAttribute("data-status", "online");
  await client.endAsync();
  await expect(row.getByTestId("device-status")).toHaveAttribute("data-status", "offline");

  await page.goto(`/t/${slug}`);
  await expect(page.getByTestId("live-overview").getByTestId("live-indicator")).toHaveAttribute("data-state", "open");
  await expect(page.getByTestId("overview-online")).toHaveText("0 of 1");
  client = await connectDevice(device);
  try {
    await expect(page.getByTestId("overview-online")).toHaveText("1 of 1");
    await expect(page.getByTestId("stat-online")).toHaveText("1");
    await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 20 }), { qos: 1 });
    // The rate is refreshed every 15 s: one message over 10 minutes.
    await expect(page.getByTestId("overview-rate")).toHaveText("0.1 per minute on average", { timeout: 20_000 });
  } finally {
    await client.endAsync();
  }
  await expect(page.getByTestId("overview-online")).toHaveText("0 of 1");
});

test("a viewer sees the live device page but can neither send commands nor edit desired values", async ({ page, browser, baseURL }) => {
  const owner = newAccount("owner");
  await signUp(page, owner);
  const slug = await createTenant(page, `Viewers ${owner.email.slice(6, 14)}`);
  const device = await createThermostat(page.request, baseURL!, slug);
  const viewer = newAccount("viewer");
  const { inviteUrl } = await trpcMutation<{ inviteUrl: string }>(page.request, baseURL!, "member.invite", {
    tenantSlug: slug,
    email: viewer.email,
    role: "viewer",
  });

  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  try {
    await acceptInvitationAsNewUser(other, inviteUrl, viewer, slug);

    await other.goto(`/t/${slug}/devices/${device.id}`);
    await expect(other.getByTestId("live-indicator")).toHaveAttribute("data-state", "open");
    const client = await connectDevice(device);
    try {
      await expect(other.getByTestId("device-status")).toHaveAttribute("data-status", "online");
      await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ humidity: 55 }), { qos: 1 });
      await expect(other.getByTestId("latest-humidity").getByTestId("latest-value")).toHaveText("55 %");
    } finally {
      await client.endAsync();
    }
    await expect(other.getByTestId("command-readonly")).toBeVisible();
    await expect(other.getByTestId("command-send")).toHaveCount(0);
    await expect(other.getByTestId("desired-readonly")).toBeVisible();
    await expect(other.getByTestId("desired-edit")).toHaveCount(0);
    await expect(other.getByTestId("device-disable")).toHaveCount(0);
    await expect(other.getByTestId("device-delete")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test.describe("on a 390px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the device page fits, shows one section per tab, and is translated in Simplified Chinese", async ({ page, context, baseURL }) => {
    const account = newAccount("phone");
    await signUp(page, account);
    const slug = await createTenant(page, `Phone ${account.email.slice(6, 14)}`);
    const device = await createThermostat(page.request, baseURL!, slug, "warehouse-north-wing-thermostat-0042");
    const client = await connectDevice(device);
    try {
      await client.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 19.5, humidity: 38 }), { qos: 1 });
      await page.goto(`/t/${slug}/devices/${device.id}`);
      await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "open");
      await expect(page.getByTestId("latest-temperature").getByTestId("latest-value")).toHaveText("19.5 °C");
      await expect(page.getByTestId("device-status")).toHaveAttribute("data-status", "online");
      // One section at a time: the command panel waits behind its tab.
      await expect(page.getByTestId("command-panel")).toBeHidden();
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(artifacts, "device-390.png"), fullPage: true });

      for (const tab of ["attributes", "commands", "events", "activity", "details", "live"]) {
        await page.getByTestId(`section-tab-${tab}`).click();
        await expect(page.getByTestId(`section-${tab}`)).toBeVisible();
        await expectNoHorizontalOverflow(page);
      }
      await page.getByTestId("section-tab-commands").click();
      await expect(page.getByTestId("command-panel")).toBeVisible();

      await context.addCookies([{ name: "aspen-locale", value: "zh-CN", url: baseURL! }]);
      await page.emulateMedia({ colorScheme: "dark" });
      await page.reload();
      await expect(page.getByTestId("section-tab-live")).toHaveText("实时数据");
      await expect(page.getByTestId("section-tab-attributes")).toHaveText("属性");
      await expect(page.getByTestId("section-tab-commands")).toHaveText("命令");
      await expect(page.getByTestId("latest-values").getByRole("heading")).toHaveText("最新值");
      await expect(page.getByTestId("telemetry-charts").getByRole("heading").first()).toHaveText("最近一小时");
      await expect(page.getByTestId("device-status")).toHaveText("在线");
      await expect(page.getByTestId("live-indicator")).toHaveText("实时");
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(artifacts, "device-390-zh-dark.png"), fullPage: true });
      await page.getByTestId("section-tab-commands").click();
      await expect(page.getByTestId("command-panel").getByRole("heading").first()).toHaveText("命令");
      await expect(page.getByTestId("command-send")).toHaveText("发送命令");
    } finally {
      await client.endAsync();
    }
  });
});
