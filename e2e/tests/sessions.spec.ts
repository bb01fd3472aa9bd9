import { expect, test } from "@playwright/test";
import { expectNoHorizontalOverflow, newAccount, signIn, signUp } from "./support";

const iphoneSafari =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

test("the account page lists both sessions of a user; signing the other one out ends it at its next request", async ({
  page,
  browser,
  baseURL,
}) => {
  const account = newAccount("sessions");
  await signUp(page, account);
  const phone = await browser.newContext({ baseURL, userAgent: iphoneSafari, viewport: { width: 390, height: 844 } });
  const other = await phone.newPage();
  await signIn(other, account);

  await page.goto("/account");
  const card = page.getByTestId("sessions-table");
  await expect(page.getByRole("heading", { name: "Active sessions" })).toBeVisible();
  await expect(card.getByTestId("session-row")).toHaveCount(2);
  const mine = card.locator('[data-testid="session-row"][data-current="true"]');
  await expect(mine).toHaveCount(1);
  await expect(mine.getByText("This session")).toBeVisible();
  await expect(mine).toContainText(/Chrome \d+ on Linux/);
  const theirs = card.getByTestId("session-row").filter({ hasText: "Safari 17 on iOS" });
  await expect(theirs).toContainText("Phone");
  await expect(theirs).toContainText("127.0.0.1");

  // The phone sees the same list, at 390 px, with its own session marked.
  await other.goto("/account");
  await expect(other.locator('[data-testid="session-row"][data-current="true"]')).toContainText("Safari 17 on iOS");
  await expectNoHorizontalOverflow(other);

  await theirs.getByRole("button", { name: /^Sign out session Safari 17 on iOS/ }).click();
  const dialog = page.getByRole("dialog", { name: /^Sign out Safari 17 on iOS/ });
  await dialog.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("session-notice")).toHaveText(/Safari 17 on iOS .* is signed out\./);
  await expect(card.getByTestId("session-row")).toHaveCount(1);

  // The phone's next request is signed out; this browser stays signed in.
  await other.goto("/tenants");
  await expect(other).toHaveURL(/\/login/);
  await page.reload();
  await expect(page.getByTestId("sessions-table").getByTestId("session-row")).toHaveCount(1);

  // In Chinese.
  await page.getByTestId("locale-switcher").selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "活动会话" })).toBeVisible();
  await expect(page.getByTestId("session-current")).toHaveText("当前会话");
  await phone.close();
});
