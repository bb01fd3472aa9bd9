import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { createTenant, newAccount, signUp, trpcMutation } from "./support";

test("device detail: labels, disable and enable, rotate the secret once, delete after typing the name", async ({ page, baseURL }) => {
  const account = newAccount("dev");
  await signUp(page, account);
  const slug = await createTenant(page, `Devices ${account.email.slice(4, 12)}`);
  const product = await trpcMutation<{ id: string }>(page.request, baseURL!, "product.create", {
    tenantSlug: slug,
    name: "Meter",
    thingModel: {},
  });
  const { device } = await trpcMutation<{ device: { id: string } }>(page.request, baseURL!, "device.create", {
    tenantSlug: slug,
    name: "meter-7",
    productId: product.id,
  });

  await page.goto(`/t/${slug}/devices/${device.id}`);
  await expect(page.getByTestId("device-labels")).toHaveText("No labels");
  await page.getByTestId("edit-labels").click();
  await page.getByTestId("labels-input").fill("site=paris\nbad line");
  await page.getByTestId("save-labels").click();
  await expect(page.getByTestId("labels-error")).toContainText("Line 2");
  await page.getByTestId("labels-input").fill("site=paris\nfloor=3");
  await page.getByTestId("save-labels").click();
  await expect(page.getByTestId("device-labels")).toContainText("floor=3");

  await page.getByTestId("device-disable").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("device-status")).toHaveAttribute("data-status", "disabled");
  await page.getByTestId("device-enable").click();
  await expect(page.getByTestId("device-status")).toHaveAttribute("data-status", "offline");

  const hintBefore = await page.getByTestId("device-secret-hint").textContent();
  await page.getByTestId("rotate-secret").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("rotated-secret-dialog").getByTestId("secret-once-note")).toBeVisible();
  const secret = (await page.getByTestId("device-secret").textContent())!.trim();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  await page.getByTestId("rotated-done").click();
  await expect(page.getByTestId("device-secret")).toHaveCount(0);
  await expect(page.getByTestId("device-secret-hint")).not.toHaveText(hintBefore!);
  expect(await page.content()).not.toContain(secret);

  // Filters on the list: label and status.
  await page.goto(`/t/${slug}/devices?label=site%3Dparis`);
  await expect(page.getByTestId("device-row-meter-7")).toBeVisible();
  await page.goto(`/t/${slug}/devices?label=site%3Dberlin`);
  await expect(page.getByTestId("devices-no-match")).toBeVisible();
  await page.goto(`/t/${slug}/devices?status=disabled`);
  await expect(page.getByTestId("devices-no-match")).toBeVisible();

  await page.goto(`/t/${slug}/devices/${device.id}`);
  await page.getByTestId("device-delete").click();
  await expect(page.getByTestId("confirm-ok")).toBeDisabled();
  await page.getByTestId("confirm-type").fill("meter-");
  await expect(page.getByTestId("confirm-ok")).toBeDisabled();
  await page.getByTestId("confirm-type").fill("meter-7");
  await page.getByTestId("confirm-ok").click();
  await page.waitForURL(new RegExp(`/t/${slug}/devices$`));
  await expect(page.getByTestId("devices-empty")).toBeVisible();
});

test("bulk create from CSV: preview with per-row errors, progress, credentials CSV", async ({ page, baseURL }) => {
  const account = newAccount("bulk");
  await signUp(page, account);
  const slug = await createTenant(page, `Bulk ${account.email.slice(5, 13)}`);
  await trpcMutation(page.request, baseURL!, "product.create", { tenantSlug: slug, name: "Tracker", thingModel: {} });

  await page.goto(`/t/${slug}/devices`);
  await page.getByTestId("bulk-create").click();
  const rows = [
    "name,product,labels",
    ...Array.from({ length: 30 }, (_, i) => `trk-${i},Tracker,fleet=north;n=${i}`),
    "trk-0,Tracker,",
    "bad name,Nope,oops",
  ];
  await page.getByTestId("bulk-file").setInputFiles({ name: "devices.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
  await expect(page.getByTestId("bulk-valid-count")).toHaveText("30 valid");
  await expect(page.getByTestId("bulk-invalid-count")).toHaveText("2 with errors");
  await expect(page.getByTestId("bulk-row-30").getByTestId("bulk-row-error")).toContainText("Duplicate name");
  await expect(page.getByTestId("bulk-row-31").getByTestId("bulk-row-error")).toContainText('Unknown product "Nope"');

  await page.getByTestId("bulk-submit").click();
  await expect(page.getByTestId("bulk-done")).toContainText("30 devices created");
  await expect(page.getByTestId("bulk-progress")).toHaveAttribute("aria-valuenow", "30");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("bulk-download").click();
  const file = await (await downloading).path();
  const csv = (await readFile(file, "utf8")).trim().split("\n");
  expect(csv[0]).toBe("name,product,mqtt_username,mqtt_password,client_id,host,port");
  expect(csv).toHaveLength(31);
  expect(csv[1]).toContain(`${slug}/trk-0`);

  await page.goto(`/t/${slug}/devices?size=10`);
  await expect(page.getByTestId("pagination-range")).toHaveText("1–10 of 30");
  await page.getByTestId("page-next").click();
  await expect(page.getByTestId("pagination-range")).toHaveText("11–20 of 30");
  await page.getByTestId("device-search").fill("trk-29");
  await expect(page.getByTestId("device-row-trk-29")).toBeVisible();
  await expect(page.getByTestId("pagination-range")).toHaveText("1–1 of 1");
});
