import { expect, test } from "@playwright/test";
import { createTenant, newAccount, signUp, trpcMutation, waitForHydration } from "./support";

test("bulk create checks every row against the server first, creates only the valid ones and warns before leaving", async ({
  page,
  baseURL,
}) => {
  const account = newAccount("bulkchk");
  await signUp(page, account);
  const slug = await createTenant(page, `Bulkchk ${account.email.slice(8, 16)}`);
  const product = await trpcMutation<{ id: string }>(page.request, baseURL!, "product.create", {
    tenantSlug: slug,
    name: "Tracker",
    thingModel: {},
  });
  await trpcMutation(page.request, baseURL!, "device.create", { tenantSlug: slug, name: "trk-taken", productId: product.id });

  // The product list answers late: the file is chosen before it arrives and is checked again.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/api\/trpc\/[^?]*product\.list/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/t/${slug}/devices/bulk`);
  const csv = ["name,product,labels", "trk-1,Tracker,", "trk-taken,Tracker,", "trk-2,Tracker,fleet=north"].join("\n");
  await waitForHydration(page.getByLabel("CSV file"));
  await page.getByLabel("CSV file").setInputFiles({ name: "devices.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  release();

  const table = page.getByTestId("bulk-table");
  await expect(page.getByTestId("bulk-valid-count")).toHaveText("2 valid");
  await expect(page.getByTestId("bulk-row-1").getByTestId("bulk-row-error")).toHaveText("A device with this name already exists");
  await expect(table.getByText("Unknown product")).toHaveCount(0);
  const submit = page.getByRole("button", { name: "Create 2 valid devices" });
  await submit.click();
  await expect(page.getByTestId("bulk-done")).toHaveText("2 devices created");

  // Credentials not downloaded yet: leaving asks first.
  const asked = new Promise<string>((resolve) => page.once("dialog", (d) => void d.dismiss().then(() => resolve(d.type()))));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe("beforeunload");
  await page.getByRole("button", { name: "Download credentials CSV" }).click();
});

test("the JSON tab refuses what the form refuses; errors follow their row and clear when fixed", async ({ page }) => {
  const account = newAccount("json");
  await signUp(page, account);
  const slug = await createTenant(page, `Json ${account.email.slice(5, 13)}`);
  await page.goto(`/t/${slug}/products/new`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Tracker");

  await page.getByRole("tab", { name: "JSON" }).click();
  const json = page.getByRole("textbox", { name: "Thing model as JSON" });
  await json.fill(JSON.stringify({ properties: [{ identifier: "q", name: "Orientation", type: "quaternion" }] }));
  await expect(page.getByTestId("json-model-errors")).toContainText("properties[0].type");
  await page.getByRole("button", { name: "Apply JSON" }).click();
  await expect(page.getByRole("tab", { name: "JSON" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("json-error")).toBeVisible();

  // Two properties, the second without a name: its error is under "Name of property 2".
  await json.fill(
    JSON.stringify({
      properties: [
        { identifier: "a", name: "", type: "float" },
        { identifier: "b", name: "B", type: "int" },
      ],
    }),
  );
  await expect(page.getByTestId("json-model-errors")).toContainText("properties[0].name");
  await json.fill(
    JSON.stringify({
      properties: [
        { identifier: "a", name: "A", type: "float" },
        { identifier: "b", name: "", type: "int" },
      ],
    }),
  );
  await expect(page.getByTestId("json-model-errors")).not.toContainText("properties[0].name");
  // The editor shows what the JSON says only once it is valid.
  await json.fill(
    JSON.stringify({
      properties: [
        { identifier: "a", name: "A", type: "float" },
        { identifier: "b", name: "B", type: "int" },
      ],
    }),
  );
  await page.getByRole("button", { name: "Apply JSON" }).click();
  await expect(page.getByRole("textbox", { name: "Identifier of property 2" })).toHaveValue("b");

  // Duplicate identifiers are reported as you type, under the row that repeats.
  const second = page.getByTestId("property-1");
  await page.getByRole("textbox", { name: "Identifier of property 2" }).fill("a");
  await expect(second.getByTestId("field-error")).toContainText('Duplicate identifier "a"');
  await expect(page.getByTestId("property-0").getByTestId("field-error")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Identifier of property 2" }).fill("b");
  await expect(second.getByTestId("field-error")).toHaveCount(0);

  // Removing the first row moves nothing onto the wrong row.
  await page.getByRole("textbox", { name: "Name of property 1" }).fill("");
  await expect(page.getByTestId("property-0").getByTestId("field-error")).toBeVisible();
  await page.getByRole("button", { name: "Remove property 1" }).click();
  await expect(page.getByRole("textbox", { name: "Name of property 1" })).toHaveValue("B");
  await expect(page.getByTestId("property-0").getByTestId("field-error")).toHaveCount(0);

  await page.getByRole("button", { name: "Create" }).click();
  await page.waitForURL(/\/products\/prd_/);
  await expect(page.getByRole("link", { name: "View 0 devices" })).toBeVisible();
});

test("over-long names are refused visibly; a Chinese-only name gets an editable random slug", async ({ page }) => {
  const account = newAccount("long");
  await signUp(page, account);
  await page.goto("/tenants/new");
  const name = page.getByRole("textbox", { name: "Tenant name" });
  await name.fill("x".repeat(101));
  await expect(name).toHaveValue("x".repeat(101));
  await expect(page.getByText("At most 100 characters")).toBeVisible();
  await name.fill("深圳智能传感");
  await expect(page.getByText("At most 100 characters")).toHaveCount(0);
  const slug = page.getByRole("textbox", { name: "Slug" });
  await expect(slug).toHaveValue(/^tenant-[a-z2-9]{4}$/);
  await slug.fill("shenzhen-sensing");
  await expect(slug).toHaveValue("shenzhen-sensing");
});

test("zh-CN: a taken slug is explained in Chinese under the field and clears when changed", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "zh-CN" });
  const page = await context.newPage();
  try {
    const first = newAccount("zhslug");
    await signUp(page, first);
    const slug = await createTenant(page, `Taken ${first.email.slice(7, 15)}`);
    await page.goto("/tenants/new");
    await page.getByRole("textbox", { name: "租户名称" }).fill("另一个租户");
    const slugBox = page.getByRole("textbox", { name: "标识（slug）" });
    // Browser-side checks speak Chinese too.
    await slugBox.fill("ab");
    await expect(page.getByText("至少 3 个字符")).toBeVisible();
    await slugBox.fill("bad_slug");
    await expect(page.getByText("请使用小写字母、数字和连字符")).toBeVisible();
    await slugBox.fill(slug);
    await page.getByRole("button", { name: "创建租户" }).click();
    const error = page.getByText("此标识已被占用，请换一个。");
    await expect(error).toBeVisible();
    await expect(slugBox).toHaveAttribute("aria-invalid", "true");
    await slugBox.fill(`${slug}-2`);
    await expect(error).toHaveCount(0);
  } finally {
    await context.close();
  }
});
