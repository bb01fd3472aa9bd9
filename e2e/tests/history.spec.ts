import { expect, test, type Page } from "@playwright/test";
import type { MqttClient } from "mqtt";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectDevice, createThermostat, type TestDevice } from "./device-client";
import { createTenant, expectNoHorizontalOverflow, newAccount, signUp } from "./support";

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "artifacts");

let clients: MqttClient[] = [];
test.afterEach(async () => {
  await Promise.all(clients.map((c) => c.endAsync(true).catch(() => {})));
  clients = [];
});

/** A fresh owner, tenant and thermostat with 30 minutes of stored history (one value a minute, mode changing). */
async function deviceWithHistory(page: Page, baseURL: string, label: string): Promise<{ slug: string; device: TestDevice; t0: number }> {
  const account = newAccount(label);
  await signUp(page, account);
  const slug = await createTenant(page, `History ${account.email.slice(label.length + 1, label.length + 9)}`);
  const device = await createThermostat(page.request, baseURL, slug);
  const client = await connectDevice(device);
  clients.push(client);
  const t0 = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;
  const entries = Array.from({ length: 30 }, (_, i) => ({
    ts: t0 + i * 60_000,
    values: { temperature: 20 + i / 3, humidity: 40 + (i % 5), mode: i < 15 ? "eco" : "comfort" },
  }));
  await client.publishAsync("v1/devices/me/telemetry", JSON.stringify(entries), { qos: 1 });
  await page.goto(`/t/${slug}/devices/${device.id}`);
  return { slug, device, t0 };
}

test("history: ranges, chart with rounded tooltips, drag to zoom, state timeline, raw table, CSV export", async ({ page, baseURL }) => {
  await deviceWithHistory(page, baseURL!, "hist");
  const section = page.getByTestId("history-section");
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByTestId("history-zone")).toContainText("Times in");

  // The last hour: 30 stored values, drawn raw.
  await section.getByTestId("range-r1h").click();
  const charts = section.getByTestId("history-charts");
  await expect(charts).toHaveAttribute("data-bucket", "raw");
  await expect(section.getByTestId("history-chart")).toHaveAttribute("data-points", "30");

  // 24 h: buckets of 2 min with a min–max band, the last bucket (still filling, empty here) partial.
  await section.getByTestId("range-r24h").click();
  await expect(charts).toHaveAttribute("data-bucket", "120");
  await expect(section.getByTestId("history-bucket")).toContainText("2 min");
  await expect(section.getByTestId("history-chart")).toHaveAttribute("data-points", /^\d+$/);
  const points = Number(await section.getByTestId("history-chart").getAttribute("data-points"));
  expect(points).toBeLessThanOrEqual(1000);
  expect(Number(await section.getByTestId("history-chart").getAttribute("data-gaps"))).toBeGreaterThan(0);

  // Back to 1 h; the tooltip shows the value rounded to the property's precision with its unit.
  await section.getByTestId("range-r1h").click();
  await expect(charts).toHaveAttribute("data-bucket", "raw");
  const chart = section.getByTestId("history-chart");
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  const tooltip = chart.locator(".recharts-tooltip-wrapper");
  await expect(tooltip).toContainText("°C");
  expect(await tooltip.textContent()).toMatch(/\d+(\.\d{1,2})? °C/);

  // Drag across the chart to zoom into that part of the range; then back.
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(section.getByTestId("history-zoomed")).toBeVisible();
  await expect(section.getByTestId("range-custom")).toHaveAttribute("aria-pressed", "true");
  // The zoomed query replaces the previous data when it arrives: fewer points, none outside the drag.
  const zoomedPoints = () => section.getByTestId("history-chart").getAttribute("data-points").then(Number);
  await expect.poll(zoomedPoints).toBeLessThan(30);
  expect(await zoomedPoints()).toBeGreaterThan(0);
  await section.getByTestId("history-reset-zoom").click();
  await expect(section.getByTestId("range-r1h")).toHaveAttribute("aria-pressed", "true");

  // An enum property as a state timeline: eco, then comfort.
  await section.getByTestId("history-pick-mode").click();
  const timeline = section.getByTestId("state-timeline-mode");
  await expect(timeline).toHaveAttribute("data-segments", "2");
  await expect(timeline).toContainText("eco");
  await expect(timeline).toContainText("comfort");

  // The raw table pages the stored values newest first.
  const raw = section.getByTestId("history-raw");
  await expect(raw.getByTestId("history-raw-row")).toHaveCount(20);
  await expect(raw.getByTestId("history-raw-row").first()).toContainText("29.67 °C");
  await raw.getByTestId("history-raw-older").click();
  await expect(raw.getByTestId("history-raw-row")).toHaveCount(10);
  await expect(raw.getByTestId("history-raw-row").last()).toContainText("20 °C");

  // CSV export of the hour: a download with every stored row (30 × 3 keys) and a header.
  const downloading = page.waitForEvent("download");
  await section.getByTestId("export-csv").click();
  const download = await downloading;
  await expect(section.getByTestId("export-done")).toContainText("90 rows");
  const file = path.join(artifacts, "history-export.csv");
  await download.saveAs(file);
  const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
  expect(lines[0]).toBe("ts,device_id,device,key,value");
  expect(lines).toHaveLength(91);
  expect(lines.filter((l) => l.includes(",mode,"))).toHaveLength(30);
});

test("history: an export of a range without data says so", async ({ page, baseURL }) => {
  await deviceWithHistory(page, baseURL!, "histempty");
  const section = page.getByTestId("history-section");
  await section.getByTestId("range-custom").click();
  const day = 86_400_000;
  const local = (ms: number) => {
    const d = new Date(ms);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  };
  await section.getByTestId("range-from").fill(local(Date.now() - 10 * day));
  await section.getByTestId("range-to").fill(local(Date.now() - 9 * day));
  await section.getByTestId("range-apply").click();
  await expect(section.getByTestId("history-chart-empty")).toBeVisible();
  await section.getByTestId("export-jsonl").click();
  await expect(section.getByTestId("export-error")).toHaveText("There is no data in that range.");
});

test("history: fits 390px in dark mode, as a tab on phones", async ({ page, baseURL }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await deviceWithHistory(page, baseURL!, "histnarrow");
  await page.getByTestId("section-tab-history").click();
  const section = page.getByTestId("history-section");
  await expect(section).toBeVisible();
  await section.getByTestId("range-r1h").click();
  await expect(section.getByTestId("history-chart")).toHaveAttribute("data-points", "30");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(artifacts, "history-390-dark.png"), fullPage: true });
});
