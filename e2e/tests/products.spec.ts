import { expect, test } from "@playwright/test";
import { createTenant, newAccount, signUp, trpcMutation } from "./support";

test("thing model JSON tab: edit, apply, save; bad JSON is explained; delete asks first and refuses while devices exist", async ({
  page,
  baseURL,
}) => {
  const account = newAccount("prod");
  await signUp(page, account);
  const slug = await createTenant(page, `Products ${account.email.slice(5, 13)}`);
  const product = await trpcMutation<{ id: string }>(page.request, baseURL!, "product.create", {
    tenantSlug: slug,
    name: "Lamp",
    thingModel: { properties: [{ identifier: "on", name: "On", type: "bool", access: "rw" }] },
  });

  await page.goto(`/t/${slug}/products/${product.id}`);
  await expect(page.getByTestId("property-0-identifier")).toHaveValue("on");
  await page.getByTestId("tab-json").click();
  await page.getByTestId("thing-model-json").fill("{ not json");
  await page.getByTestId("apply-json").click();
  await expect(page.getByTestId("json-error")).toContainText("This is not valid JSON");

  const model = {
    properties: [
      { identifier: "on", name: "On", type: "bool", access: "rw" },
      { identifier: "brightness", name: "Brightness", type: "int", unit: "%", min: 0, max: 100, access: "rw" },
    ],
    events: [{ identifier: "burnout", name: "Burn-out", level: "fault", params: [] }],
    commands: [],
  };
  await page.getByTestId("thing-model-json").fill(JSON.stringify(model));
  await page.getByTestId("apply-json").click();
  await expect(page.getByTestId("property-1-identifier")).toHaveValue("brightness");
  await expect(page.getByTestId("event-0-level")).toHaveValue("fault");
  await page.getByTestId("property-0-remove").click();
  await expect(page.getByTestId("property-0-identifier")).toHaveValue("brightness");
  await page.getByTestId("product-save").click();
  await expect(page.getByTestId("product-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("property-0-identifier")).toHaveValue("brightness");
  await expect(page.getByTestId("property-1-identifier")).toHaveCount(0);

  // Server errors on a model saved from the JSON tab are listed there too.
  await page.getByTestId("tab-json").click();
  await page.getByTestId("thing-model-json").fill(JSON.stringify({ properties: [{ identifier: "9bad", name: "", type: "decimal" }] }));
  await page.getByTestId("product-save").click();
  await expect(page.getByTestId("json-model-errors")).toContainText("properties[0].identifier");
  await expect(page.getByTestId("json-model-errors")).toContainText("properties[0].type");

  // A product with devices cannot be deleted; without, it can after confirming.
  const { device } = await trpcMutation<{ device: { id: string } }>(page.request, baseURL!, "device.create", {
    tenantSlug: slug,
    name: "lamp-1",
    productId: product.id,
  });
  await page.reload();
  await page.getByTestId("product-delete").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("delete-product-dialog")).toContainText("still has 1 device");
  await page.getByTestId("confirm-cancel").click();
  await trpcMutation(page.request, baseURL!, "device.delete", { tenantSlug: slug, id: device.id });
  await page.getByTestId("product-delete").click();
  await page.getByTestId("confirm-ok").click();
  await page.waitForURL(new RegExp(`/t/${slug}/products$`));
  await expect(page.getByTestId("empty-state")).toBeVisible();
});
