import { expect, test } from "@playwright/test";
import { acceptInvitationAsNewUser, createTenant, newAccount, signUp } from "./support";

test("members: revoke an invitation, change a role and remove a member, each after confirming", async ({ page, browser, baseURL }) => {
  const owner = newAccount("mowner");
  const dev = newAccount("mdev");
  await signUp(page, owner);
  const slug = await createTenant(page, `Team ${owner.email.slice(7, 15)}`);
  await page.getByTestId("nav-members").click();

  // The only owner cannot demote or remove themselves here.
  const self = page.getByTestId(`member-row-${owner.email}`);
  await expect(self.getByTestId("member-role")).toHaveText("Owner");
  await expect(self.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: `Change role of ${owner.name}` })).toHaveCount(0);

  // An invitation can be revoked.
  await page.getByTestId("invite-member").click();
  await page.getByTestId("invite-email").fill(`someone-${owner.email}`);
  await page.getByTestId("invite-role").selectOption("admin");
  await page.getByTestId("invite-submit").click();
  await expect(page.getByTestId("invite-link")).toBeVisible();
  await page.getByTestId("invite-done").click();
  await page.getByRole("button", { name: `Revoke invitation of someone-${owner.email}` }).click();
  await expect(page.getByTestId("confirm-dialog")).toContainText(`someone-${owner.email}`);
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("no-invitations")).toBeVisible();

  // A developer joins.
  await page.getByTestId("invite-member").click();
  await page.getByTestId("invite-email").fill(dev.email);
  await page.getByTestId("invite-role").selectOption("developer");
  await page.getByTestId("invite-submit").click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  await page.getByTestId("invite-done").click();

  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  try {
    await acceptInvitationAsNewUser(other, link, dev, slug);
    // Developers build: they may create devices but not manage members or read the audit log.
    await other.getByTestId("nav-devices").click();
    await expect(other.getByTestId("new-device")).toBeVisible();
    await expect(other.getByTestId("nav-audit")).toHaveCount(0);
    await other.getByTestId("nav-members").click();
    await expect(other.getByTestId("invite-member")).toHaveCount(0);

    // The owner promotes them to admin (asked first), then removes them.
    await page.reload();
    const row = page.getByTestId(`member-row-${dev.email}`);
    const roleSelect = page.getByRole("combobox", { name: `Change role of ${dev.name}` });
    const removeButton = page.getByRole("button", { name: `Remove ${dev.name}` });
    await roleSelect.selectOption("admin");
    await expect(page.getByTestId("confirm-dialog")).toContainText("Admin");
    await page.getByTestId("confirm-ok").click();
    await expect(roleSelect).toHaveValue("admin");
    await other.reload();
    await expect(other.getByTestId("invite-member")).toBeVisible();
    await expect(other.getByTestId("nav-audit")).toBeVisible();

    await removeButton.click();
    await page.getByTestId("confirm-cancel").click();
    await expect(row).toBeVisible();
    await removeButton.click();
    await page.getByTestId("confirm-ok").click();
    await expect(page.getByTestId(`member-row-${dev.email}`)).toHaveCount(0);

    // Removed means gone at once.
    await other.goto(`/t/${slug}`);
    await expect(other.getByTestId("not-found")).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the tenant switcher lists every tenant of the user and switches between them", async ({ page }) => {
  const account = newAccount("switch");
  await signUp(page, account);
  const first = await createTenant(page, `First ${account.email.slice(7, 15)}`);
  const second = await createTenant(page, `Second ${account.email.slice(7, 15)}`);
  await expect(page.getByTestId("current-tenant")).toContainText("Second");
  await page.getByTestId("tenant-switcher").click();
  await expect(page.getByTestId(`tenant-option-${first}`)).toBeVisible();
  await expect(page.getByTestId(`tenant-option-${second}`)).toBeVisible();
  await page.getByTestId(`tenant-option-${first}`).click();
  await page.waitForURL(new RegExp(`/t/${first}$`));
  await expect(page.getByTestId("current-tenant")).toContainText("First");

  // Owners rename a tenant; the slug stays.
  await page.getByTestId("tenant-rename-input").fill(`Renamed ${account.email.slice(7, 15)}`);
  await page.getByTestId("tenant-rename").click();
  await expect(page.getByTestId("current-tenant")).toContainText("Renamed");
  await expect(page).toHaveURL(new RegExp(`/t/${first}$`));

  // A taken slug is explained next to the field.
  await page.goto("/tenants/new");
  await page.getByTestId("tenant-name").fill("Anything");
  await page.getByTestId("tenant-slug").fill(first);
  await page.getByTestId("tenant-create").click();
  await expect(page.getByText("This slug is taken. Choose another.")).toBeVisible();

  // The landing page takes a signed-in user to a tenant.
  await page.goto("/");
  await expect(page).toHaveURL(/\/t\/[a-z0-9-]+$/);
});
