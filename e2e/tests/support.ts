import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

/** A short random suffix so that every run makes its own users and tenants. */
export function unique(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export const PASSWORD = "correct-horse-42";

export interface Account {
  name: string;
  email: string;
  password: string;
}

export function newAccount(label = "user"): Account {
  const id = unique();
  return { name: `${label} ${id}`, email: `${label}-${id}@e2e.aspen.test`, password: PASSWORD };
}

/** Signs up through the form; ends signed in, on whatever page sign-up leads to. */
export async function signUp(page: Page, account: Account, path = "/signup"): Promise<void> {
  await page.goto(path);
  await page.getByTestId("signup-name").fill(account.name);
  await page.getByTestId("signup-email").fill(account.email);
  await page.getByTestId("signup-password").fill(account.password);
  await page.getByTestId("signup-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signup"), { timeout: 30_000 });
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  await page.goto("/login");
  await page.getByTestId("login-email").fill(account.email);
  await page.getByTestId("login-password").fill(account.password);
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Creates a tenant through the form and waits for its overview. */
export async function createTenant(page: Page, name: string): Promise<string> {
  await page.goto("/tenants/new");
  await page.getByTestId("tenant-name").fill(name);
  const slug = await page.getByTestId("tenant-slug").inputValue();
  await page.getByTestId("tenant-create").click();
  await page.waitForURL(`**/t/${slug}`);
  return slug;
}

/**
 * Calls a tRPC mutation over HTTP with the page's cookies — for setting up
 * data that a test is not about. Sends what the console sends (JSON + Origin).
 */
export async function trpcMutation<T = unknown>(request: APIRequestContext, baseURL: string, path: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { "content-type": "application/json", origin: baseURL, "x-trpc-source": "e2e" },
  });
  const body = (await res.json()) as { result?: { data?: { json?: T } }; error?: unknown };
  expect(res.ok(), `${path} failed: ${JSON.stringify(body.error ?? body)}`).toBeTruthy();
  return body.result!.data!.json as T;
}

/** The page is no wider than the viewport (nothing sticks out sideways). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px viewport`).toBeLessThanOrEqual(innerWidth);
}

/** Opens an invitation link signed out, creates the invited account there and accepts; ends on the tenant's overview. */
export async function acceptInvitationAsNewUser(page: Page, inviteUrl: string, account: Account, slug: string): Promise<void> {
  await page.goto(new URL(inviteUrl).pathname);
  await page.getByTestId("invite-signup").click();
  await page.getByTestId("signup-name").fill(account.name);
  await page.getByTestId("signup-password").fill(account.password);
  await page.getByTestId("signup-submit").click();
  await page.waitForURL(/\/invite\//);
  await page.getByTestId("accept-invitation").click();
  await page.waitForURL(new RegExp(`/t/${slug}$`));
}

/**
 * Waits until React has hydrated `locator`'s element (it attaches its props, event handlers included, to the
 * DOM node then): a file chosen before that fires a change event nobody hears.
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), { timeout: 15_000 })
    .toBe(true);
}
