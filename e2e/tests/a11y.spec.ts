import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { makePlatformAdmin } from "./platform";
import { acceptInvitationAsNewUser, createTenant, expectNoHorizontalOverflow, newAccount, signUp, trpcMutation } from "./support";

/**
 * Every console page, light and dark, at 1280 and 390 px: no serious or critical axe violation
 * (WCAG 2.1 A/AA rules), and at 390 px no horizontal page scroll.
 */

const viewports = [
  { name: "1280", width: 1280, height: 800 },
  { name: "390", width: 390, height: 844 },
] as const;

/** Serious and critical violations on the page, one line each (empty when none). */
async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

async function settle(page: Page) {
  await expect(page.getByTestId("page-loading")).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

interface World {
  slug: string;
  pages: string[];
  /** A dashboard share link, walked signed out. */
  sharePath: string;
  storage: Awaited<ReturnType<ReturnType<Page["context"]>["storageState"]>>;
}

let world: World;

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const owner = newAccount("axe");
  await signUp(page, owner);
  // An operator too, so that the walk includes the platform pages.
  await makePlatformAdmin(owner.email);
  const slug = await createTenant(page, `Axe ${owner.email.slice(4, 12)}`);
  const product = await trpcMutation<{ id: string }>(page.request, baseURL!, "product.create", {
    tenantSlug: slug,
    name: "Gateway with a long product name",
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
    name: "warehouse-north-wing-gateway-001",
    productId: product.id,
    labels: { site: "berlin", zone: "cold-storage-area-7" },
  });
  // A second member, so that the members page shows a role select and a remove button.
  const invite = await trpcMutation<{ inviteUrl: string }>(page.request, baseURL!, "member.invite", {
    tenantSlug: slug,
    email: `axe-member-${owner.email}`,
    role: "developer",
  });
  const other = await browser.newContext({ baseURL });
  await acceptInvitationAsNewUser(
    await other.newPage(),
    invite.inviteUrl,
    { ...newAccount("axem"), email: `axe-member-${owner.email}` },
    slug,
  );
  await other.close();
  await trpcMutation(page.request, baseURL!, "member.invite", { tenantSlug: slug, email: `pending-${owner.email}`, role: "viewer" });
  const dev = created.device.id;
  const dashboard = await trpcMutation<{ id: string }>(page.request, baseURL ?? "", "dashboard.create", {
    tenantSlug: slug,
    name: "Cold storage",
    layout: {
      widgets: [
        { id: "chart", kind: "chart", x: 0, y: 0, w: 8, h: 5, series: [{ deviceId: dev, key: "temperature" }] },
        { id: "value", kind: "value", x: 8, y: 0, w: 4, h: 3, deviceId: dev, key: "temperature" },
        { id: "status", kind: "status", x: 8, y: 3, w: 4, h: 2 },
        { id: "alarms", kind: "alarms", x: 0, y: 5, w: 6, h: 3 },
        { id: "cmd", kind: "command", x: 6, y: 5, w: 3, h: 3, deviceId: dev, method: "reboot" },
      ],
    },
  });
  const share = await trpcMutation<{ token: string }>(page.request, baseURL ?? "", "dashboardShare.create", {
    tenantSlug: slug,
    dashboardId: dashboard.id,
  });

  world = {
    slug,
    storage: await context.storageState(),
    pages: [
      "/tenants",
      "/tenants/new",
      "/account",
      "/account/connected-apps",
      "/platform/queues",
      "/platform/tenants",
      `/t/${slug}`,
      `/t/${slug}/products`,
      `/t/${slug}/products/new`,
      `/t/${slug}/products/${product.id}`,
      `/t/${slug}/devices`,
      `/t/${slug}/devices/bulk`,
      `/t/${slug}/devices/${created.device.id}`,
      `/t/${slug}/members`,
      `/t/${slug}/audit`,
      `/t/${slug}/api-keys`,
      `/t/${slug}/oauth-apps`,
      `/t/${slug}/dashboards`,
      `/t/${slug}/dashboards/${dashboard.id}`,
    ],
    sharePath: `/share/${share.token}`,
  };
  await context.close();
});

/** Walks every page and returns every violation found (all pages, so one run shows them all). */
async function walk(browser: Browser, baseURL: string, colorScheme: "light" | "dark"): Promise<string[]> {
  const found: string[] = [];
  for (const vp of viewports) {
    const signedIn = await browser.newContext({ baseURL, storageState: world.storage, colorScheme, viewport: vp });
    const page = await signedIn.newPage();
    for (const path of world.pages) {
      await page.goto(path);
      await expect(page.getByTestId("page-title")).toBeVisible();
      await settle(page);
      if (colorScheme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      found.push(...(await violations(page, `${path} ${colorScheme} ${vp.name}px`)));
      if (vp.width === 390) await expectNoHorizontalOverflow(page);
    }
    await signedIn.close();
    const signedOut = await browser.newContext({ baseURL, colorScheme, viewport: vp });
    const anon = await signedOut.newPage();
    for (const path of ["/", "/login", "/signup", "/t/no-such-tenant-here", world.sharePath]) {
      await anon.goto(path);
      await expect(anon.locator("main, form").first()).toBeVisible();
      found.push(...(await violations(anon, `${path} ${colorScheme} ${vp.name}px (signed out)`)));
      if (vp.width === 390) await expectNoHorizontalOverflow(anon);
    }
    await signedOut.close();
  }
  return found;
}

test("every console page passes axe in light mode at 1280 and 390 px", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const found = await walk(browser, baseURL!, "light");
  expect(found, found.join("\n")).toEqual([]);
});

test("every console page passes axe in dark mode at 1280 and 390 px", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const found = await walk(browser, baseURL!, "dark");
  expect(found, found.join("\n")).toEqual([]);
});

test("the members page fits 390 px: every role select and remove button is reachable", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: world.storage, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/t/${world.slug}/members`);
  const select = page.getByRole("combobox", { name: /^Change role of axem/ });
  const remove = page.getByRole("button", { name: /^Remove axem/ });
  for (const el of [select, remove]) {
    await expect(el).toBeVisible();
    const box = (await el.boundingBox())!;
    expect(box.x + box.width, "inside the screen").toBeLessThanOrEqual(390);
  }
  await expect(select).toHaveValue("developer");
  await expectNoHorizontalOverflow(page);
  // The tenant navigation shows that it scrolls when it does not fit.
  const nav = page.getByTestId("tenant-nav-scroll");
  const overflows = await nav.evaluate((el) => el.scrollWidth > el.clientWidth);
  if (overflows) await expect(nav).toHaveAttribute("data-scroll-end", "true");
  await context.close();
});
