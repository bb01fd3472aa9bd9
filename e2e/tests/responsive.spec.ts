import { expect, test } from "@playwright/test";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTenant, expectNoHorizontalOverflow, newAccount, signUp, trpcMutation } from "./support";

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "artifacts");

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("the device list fits a 390px phone screen", async ({ page, baseURL }) => {
  const account = newAccount("mobile");
  await signUp(page, account);
  const slug = await createTenant(page, `Mobile ${account.email.slice(7, 15)}`);

  // Data that tends to push layouts sideways: long names, many labels.
  const product = await trpcMutation<{ id: string }>(page.request, baseURL!, "product.create", {
    tenantSlug: slug,
    name: "Environmental sensor with a rather long product name",
    thingModel: { properties: [{ identifier: "temperature", name: "Temperature", type: "float", unit: "°C" }] },
  });
  await trpcMutation(page.request, baseURL!, "device.bulkCreate", {
    tenantSlug: slug,
    rows: Array.from({ length: 12 }, (_, i) => ({
      name: `warehouse-north-wing-environment-sensor-${String(i).padStart(3, "0")}`,
      product: product.id,
      labels: `site=warehouse-north;floor=${i % 3};zone=cold-storage-area-${i}`,
    })),
  });

  await page.goto(`/t/${slug}/devices`);
  await expect(page.getByTestId("devices-table")).toBeVisible();
  await expect(page.getByTestId("new-device")).toBeVisible();
  await expect(page.getByTestId("pagination")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(artifacts, "devices-390.png"), fullPage: true });

  // Filters and the new-device dialog stay usable.
  await page.getByTestId("filter-status").selectOption("offline");
  await expect(page.getByTestId("devices-table")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.getByTestId("new-device").click();
  await expect(page.getByTestId("device-name")).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(artifacts, "new-device-390.png") });
});

test("every console page fits 390px, in dark mode too", async ({ page, baseURL }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const account = newAccount("narrow");
  await signUp(page, account);
  const slug = await createTenant(page, `Narrow ${account.email.slice(7, 15)}`);
  const product = await trpcMutation<{ id: string }>(page.request, baseURL!, "product.create", {
    tenantSlug: slug,
    name: "Gateway",
    thingModel: {
      properties: [
        { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 85 },
        { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "boost"], access: "rw" },
      ],
      events: [{ identifier: "overheat", name: "Overheat", level: "fault", params: [{ identifier: "t", name: "T", type: "float" }] }],
      commands: [{ identifier: "reboot", name: "Reboot", input: [{ identifier: "delay", name: "Delay", type: "int" }] }],
    },
  });
  const created = await trpcMutation<{ device: { id: string } }>(page.request, baseURL!, "device.create", {
    tenantSlug: slug,
    name: "gw-1",
    productId: product.id,
    labels: { site: "berlin" },
  });

  const dev = created.device.id;
  const dashboard = await trpcMutation<{ id: string }>(page.request, baseURL ?? "", "dashboard.create", {
    tenantSlug: slug,
    name: "Phone dashboard",
    layout: {
      widgets: [
        { id: "chart", kind: "chart", x: 0, y: 0, w: 8, h: 5, series: [{ deviceId: dev, key: "temperature" }] },
        { id: "value", kind: "value", x: 8, y: 0, w: 4, h: 3, deviceId: dev, key: "temperature" },
        { id: "cmd", kind: "command", x: 8, y: 3, w: 4, h: 3, deviceId: dev, method: "reboot" },
      ],
    },
  });
  const pages = [
    `/t/${slug}`,
    `/t/${slug}/dashboards`,
    `/t/${slug}/dashboards/${dashboard.id}`,
    `/t/${slug}/products`,
    `/t/${slug}/products/${product.id}`,
    `/t/${slug}/products/new`,
    `/t/${slug}/devices/${created.device.id}`,
    `/t/${slug}/devices/bulk`,
    `/t/${slug}/members`,
    `/t/${slug}/audit`,
    "/account",
    "/tenants",
  ];
  for (const p of pages) {
    await page.goto(p);
    await expect(page.getByTestId("page-title")).toBeVisible();
    await expect(page.getByTestId("page-loading")).toHaveCount(0);
    await expectNoHorizontalOverflow(page);
  }
  // At 390 px the dashboard's widgets stack in one column, in reading order.
  await page.goto(`/t/${slug}/dashboards/${dashboard.id}`);
  await expect(page.getByTestId("dashboard-grid")).toHaveAttribute("data-layout", "stacked");
  const order = await page.locator('section[data-testid^="widget-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  expect(order).toEqual(["widget-chart", "widget-value", "widget-cmd"]);
  await page.goto(`/t/${slug}/products/${product.id}`);
  await expect(page.getByTestId("property-0-identifier")).toHaveValue("temperature");
  await page.screenshot({ path: path.join(artifacts, "product-390-dark.png"), fullPage: true });
});
