import { expect, test } from "@playwright/test";
import { createTenant, newAccount, signUp } from "./support";

const bad = JSON.stringify({
  properties: [
    { identifier: "temp", name: "Temperature", type: "float", min: 40, max: 5 },
    { identifier: "q", name: "Orientation", type: "quaternion" },
  ],
});

test("thing-model rule messages follow the console's language (English and Chinese)", async ({ page }) => {
  const account = newAccount("tmi18n");
  await signUp(page, account);
  const slug = await createTenant(page, `Model words ${account.email.slice(7, 15)}`);

  await page.goto(`/t/${slug}/products/new`);
  await page.getByRole("tab", { name: "JSON" }).click();
  await page.getByTestId("thing-model-json").fill(bad);
  const errors = page.getByTestId("json-model-errors");
  await expect(errors).toContainText("properties[0].min: Minimum (40) must not be greater than maximum (5)");
  await expect(errors).toContainText("properties[1].type: Type must be one of: int, float, bool, string, enum");

  await page.getByTestId("locale-switcher").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.goto(`/t/${slug}/products/new`);
  await page.getByRole("tab", { name: "JSON" }).click();
  await page.getByTestId("thing-model-json").fill(bad);
  await expect(errors).toContainText("properties[0].min: 最小值（40）不能大于最大值（5）");
  await expect(errors).toContainText("properties[1].type: 类型必须是以下之一：int, float, bool, string, enum");
  await expect(errors).not.toContainText("Minimum");

  // The editor's rows word them in Chinese too.
  await page.getByTestId("thing-model-json").fill(JSON.stringify({ properties: [{ identifier: "temp", name: "", type: "float" }] }));
  await page.getByTestId("apply-json").click();
  await expect(page.getByText("请填写名称")).toBeVisible();
});
