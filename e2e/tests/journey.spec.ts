import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createTenant, newAccount, signUp, type Account } from "./support";

/**
 * The foundation journey, in order: an owner signs up, creates a tenant, a
 * product and a device (whose secret is shown once), invites a viewer who
 * accepts in a second browser, and the audit log shows all of it.
 */
test.describe.configure({ mode: "serial" });

const owner = newAccount("owner");
const viewer = newAccount("viewer");
let ownerContext: BrowserContext;
let page: Page;
let slug = "";
let productUrl = "";
let deviceSecret = "";
let inviteUrl = "";

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 800 }, locale: "en-US" });
}

test.beforeAll(async ({ browser }) => {
  ownerContext = await newContext(browser);
  page = await ownerContext.newPage();
});

test.afterAll(async () => {
  await ownerContext?.close();
});

test("an owner signs up and creates a tenant", async () => {
  await signUp(page, owner);
  // A new user has no tenant yet: the console asks for one.
  await expect(page).toHaveURL(/\/tenants\/new$/);
  slug = await createTenant(page, `Acme ${owner.email.split("@")[0]!.slice(6)}`);
  await expect(page.getByTestId("current-tenant")).toContainText("Acme");
  await expect(page.getByTestId("stat-products")).toHaveText("0");
  await expect(page.getByTestId("stat-devices")).toHaveText("0");
  await expect(page.getByTestId("stat-members")).toHaveText("1");
});

test("a product with two properties and a command; server validation shows next to the field", async () => {
  await page.getByTestId("nav-products").click();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await page.getByTestId("new-product").click();
  await page.getByTestId("product-name").fill("Thermostat");
  await page.getByTestId("product-description").fill("Room thermostat with relay");

  await page.getByTestId("add-property").click();
  await page.getByTestId("property-0-identifier").fill("temperature");
  await page.getByTestId("property-0-name").fill("Temperature");
  await page.getByTestId("property-0-type").selectOption("float");
  await page.getByTestId("property-0-unit").fill("°C");
  // Deliberately wrong: minimum above maximum.
  await page.getByTestId("property-0-min").fill("100");
  await page.getByTestId("property-0-max").fill("85");

  await page.getByTestId("add-property").click();
  await page.getByTestId("property-1-identifier").fill("relay");
  await page.getByTestId("property-1-name").fill("Relay");
  await page.getByTestId("property-1-type").selectOption("bool");
  await page.getByTestId("property-1-access").selectOption("rw");

  await page.getByTestId("add-command").click();
  await page.getByTestId("command-0-identifier").fill("reboot");
  await page.getByTestId("command-0-name").fill("Reboot");
  await page.getByTestId("command-0-input-add-param").click();
  await page.getByTestId("command-0-input-param-0-identifier").fill("delay");
  await page.getByTestId("command-0-input-param-0-name").fill("Delay");
  await page.getByTestId("command-0-input-param-0-type").selectOption("int");
  await page.getByTestId("command-0-input-param-0-unit").fill("s");

  await page.getByTestId("product-save").click();
  await expect(page.getByTestId("product-error")).toBeVisible();
  const minError = page.getByTestId("property-0").getByTestId("field-error");
  await expect(minError).toContainText(/greater than maximum/i);

  await page.getByTestId("property-0-min").fill("-40");
  await page.getByTestId("product-save").click();
  await page.waitForURL(/\/products\/prd_/);
  productUrl = page.url();
  await expect(page.getByTestId("page-title")).toHaveText("Thermostat");
  await expect(page.getByTestId("property-0-identifier")).toHaveValue("temperature");
  await expect(page.getByTestId("property-1-access")).toHaveValue("rw");
  await expect(page.getByTestId("command-0-input-param-0-identifier")).toHaveValue("delay");

  // The JSON tab shows the same model.
  await page.getByTestId("tab-json").click();
  const json = JSON.parse(await page.getByTestId("thing-model-json").inputValue());
  expect(json.properties).toHaveLength(2);
  expect(json.properties[0]).toMatchObject({ identifier: "temperature", type: "float", min: -40, max: 85, unit: "°C" });
  expect(json.commands[0].input[0]).toMatchObject({ identifier: "delay", type: "int" });
  await page.getByTestId("tab-editor").click();

  await page.getByTestId("nav-products").click();
  await expect(page.getByTestId("product-row-Thermostat")).toContainText("2");
});

test("a device: its secret and MQTT settings are shown once", async () => {
  await page.getByTestId("nav-devices").click();
  await expect(page.getByTestId("devices-empty")).toBeVisible();
  await page.getByTestId("new-device").click();
  await page.getByTestId("device-name").fill("thermo-001");
  await page.getByTestId("device-product").selectOption({ label: "Thermostat" });
  await page.getByTestId("device-labels").fill("site=berlin\nfloor=2");
  await page.getByTestId("device-create").click();

  await expect(page.getByTestId("device-credentials")).toBeVisible();
  await expect(page.getByTestId("secret-once-note")).toBeVisible();
  deviceSecret = (await page.getByTestId("device-secret").textContent())!.trim();
  expect(deviceSecret.length).toBeGreaterThanOrEqual(32);
  await expect(page.getByTestId("mqtt-username")).toHaveText(`${slug}/thermo-001`);
  await expect(page.getByTestId("mqtt-client-id")).toHaveText(/^dev_/);
  await expect(page.getByTestId("mqtt-port")).toHaveText(/^\d+$/);
  const pub = await page.getByTestId("mosquitto-pub").textContent();
  expect(pub).toContain("mosquitto_pub");
  expect(pub).toContain(deviceSecret);
  expect(pub).toContain(`${slug}/thermo-001`);
  expect(pub).toContain("v1/devices/me/telemetry");

  await page.getByTestId("device-created-done").click();
  await expect(page.getByTestId("device-row-thermo-001")).toBeVisible();
  await expect(page.getByTestId("device-row-thermo-001").getByTestId("device-status")).toHaveAttribute("data-status", "offline");

  // Gone after a reload: neither the list nor the detail page ever shows it again.
  await page.reload();
  await expect(page.getByTestId("device-row-thermo-001")).toBeVisible();
  await expect(page.getByTestId("device-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(deviceSecret);
  await page.getByTestId("device-row-thermo-001").getByRole("link").click();
  await expect(page.getByTestId("device-title")).toHaveText("thermo-001");
  await expect(page.getByTestId("device-mqtt-username")).toHaveText(`${slug}/thermo-001`);
  await expect(page.getByTestId("device-secret-hint")).toContainText("…");
  await expect(page.getByTestId("device-labels")).toContainText("site=berlin");
  expect(await page.content()).not.toContain(deviceSecret);
});

test("an owner invites a viewer and gets a link to copy", async () => {
  await page.getByTestId("nav-members").click();
  await expect(page.getByTestId(`member-row-${owner.email}`)).toBeVisible();
  await expect(page.getByTestId("no-invitations")).toBeVisible();
  await page.getByTestId("invite-member").click();
  await page.getByTestId("invite-email").fill(viewer.email);
  await page.getByTestId("invite-role").selectOption("viewer");
  await page.getByTestId("invite-submit").click();
  inviteUrl = (await page.getByTestId("invite-link").textContent())!.trim();
  expect(inviteUrl).toMatch(/\/invite\/[\w-]{20,}$/);
  await page.getByTestId("invite-done").click();
  await expect(page.getByTestId(`invitation-row-${viewer.email}`)).toBeVisible();
});

test("the invitee signs up in a second browser, accepts and is a viewer", async ({ browser }) => {
  const context = await newContext(browser);
  const other = await context.newPage();
  try {
    await other.goto(new URL(inviteUrl).pathname);
    await expect(other.getByTestId("invitation-summary")).toContainText(viewer.email);
    await other.getByTestId("invite-signup").click();
    await expect(other.getByTestId("signup-email")).toHaveValue(viewer.email);
    await other.getByTestId("signup-name").fill(viewer.name);
    await other.getByTestId("signup-password").fill(viewer.password);
    await other.getByTestId("signup-submit").click();
    // Back on the invitation, now signed in with the invited address.
    await other.waitForURL(/\/invite\//);
    await other.getByTestId("accept-invitation").click();
    await other.waitForURL(new RegExp(`/t/${slug}$`));
    await expect(other.getByTestId("current-tenant")).toContainText("Acme");

    // A viewer sees devices and products but cannot change them.
    await other.getByTestId("nav-devices").click();
    await expect(other.getByTestId("device-row-thermo-001")).toBeVisible();
    await expect(other.getByTestId("new-device")).toHaveCount(0);
    await expect(other.getByTestId("bulk-create")).toHaveCount(0);
    await other.getByTestId("device-row-thermo-001").getByRole("link").click();
    await expect(other.getByTestId("device-title")).toHaveText("thermo-001");
    await expect(other.getByTestId("rotate-secret")).toHaveCount(0);
    await expect(other.getByTestId("device-delete")).toHaveCount(0);
    await expect(other.getByTestId("device-disable")).toHaveCount(0);

    await other.getByTestId("nav-products").click();
    await expect(other.getByTestId("product-row-Thermostat")).toBeVisible();
    await expect(other.getByTestId("new-product")).toHaveCount(0);
    await other.goto(new URL(productUrl).pathname);
    await expect(other.getByTestId("product-name")).toBeDisabled();
    await expect(other.getByTestId("product-save")).toHaveCount(0);
    await expect(other.getByTestId("product-delete")).toHaveCount(0);

    // No audit log and no member management for viewers.
    await expect(other.getByTestId("nav-audit")).toHaveCount(0);
    await other.getByTestId("nav-members").click();
    await expect(other.getByTestId(`member-row-${viewer.email}`).getByTestId("member-role")).toHaveText("Viewer");
    await expect(other.getByTestId("invite-member")).toHaveCount(0);
    await expect(other.getByTestId("member-remove")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("the owner sees the new member and the audit log shows it all", async () => {
  // The owner's members page is still open from before: reload to see the other browser's change.
  await page.reload();
  await expect(page.getByTestId(`member-row-${viewer.email}`)).toBeVisible();
  await expect(page.getByTestId("no-invitations")).toBeVisible();

  await page.getByTestId("nav-audit").click();
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  const actions = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
  for (const action of ["tenant.create", "product.create", "device.create", "member.invite", "member.accept"]) {
    expect(actions, `audit log has ${action}`).toContain(action);
  }
  const accept = page.locator('[data-testid="audit-row"][data-action="member.accept"]');
  await expect(accept.getByTestId("audit-actor")).toHaveText(viewer.email);
  const create = page.locator('[data-testid="audit-row"][data-action="device.create"]');
  await expect(create.getByTestId("audit-target")).toHaveText("thermo-001");
  await expect(create.getByTestId("audit-actor")).toHaveText(owner.email);

  // Filters: a family of actions, then one actor.
  await page.getByTestId("audit-filter-action").selectOption("device.");
  await expect(page.locator('[data-testid="audit-row"]:not([data-action^="device."])')).toHaveCount(0);
  await expect(page.locator('[data-testid="audit-row"][data-action="device.create"]')).toHaveCount(1);
  await page.getByTestId("audit-filter-action").selectOption("");
  await page.getByTestId("audit-filter-actor").fill(viewer.email);
  await page.getByTestId("audit-filter-actor").press("Enter");
  await expect(page.locator(`[data-testid="audit-row"]`)).toHaveCount(1);
  await expect(page.getByTestId("audit-row")).toHaveAttribute("data-action", "member.accept");
});
