import { expect, test } from "@playwright/test";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createTenant, expectNoHorizontalOverflow, newAccount, signUp, trpcMutation } from "./support";
import { makePlatformAdmin } from "./platform";

/** A loopback port nothing listens on (taken from the kernel, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A webhook receiver on `port` that answers 200 and keeps each request's headers. */
async function receiverOn(port: number) {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received.push(req.headers);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("a platform operator sees a failed webhook job, retries it, and it is delivered", async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const base = String(baseURL);
  const operator = newAccount("ops");
  await signUp(page, operator);
  const slug = await createTenant(page, `Queues ${operator.email.slice(4, 12)}`);

  // Not yet an operator: the page does not exist for them, and the menu has no link to it.
  await page.goto("/platform/queues");
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  await makePlatformAdmin(operator.email);
  await page.goto("/tenants");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Job queues" }).click();
  await expect(page).toHaveURL(/\/platform\/queues/);
  await expect(page.getByRole("heading", { name: "Job queues", level: 1 })).toBeVisible();

  // A delivery to a port nobody listens on fails every attempt (the e2e worker's retry schedule is scaled down).
  const port = await closedPort();
  const hook = await trpcMutation<{ endpoint: { id: string } }>(page.request, base, "webhook.create", {
    tenantSlug: slug,
    url: `http://127.0.0.1:${port}/hook`,
  });
  await trpcMutation(page.request, base, "webhook.sendTest", { tenantSlug: slug, id: hook.endpoint.id });

  await page.goto("/platform/queues?queue=webhooks");
  await expect(page.getByRole("heading", { name: "Failed jobs of webhooks" })).toBeVisible();
  const row = page.getByTestId("failed-job-row").filter({ hasText: `127.0.0.1:${port}` });
  await expect(row).toBeVisible({ timeout: 90_000 });
  await expect(row.getByText("webhooks.deliver")).toBeVisible();
  await expect(row.getByTestId("failed-job-reason")).toHaveText(new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${port}`));
  await expect(row.getByTestId("failed-job-attempts")).toHaveText("8");
  expect(Number(await page.getByTestId("queue-webhooks-failed").innerText())).toBeGreaterThanOrEqual(1);

  // Now something listens there: retrying the job delivers it.
  const receiver = await receiverOn(port);
  try {
    const jobId = String(await row.getAttribute("data-job-id"));
    await row.getByRole("button", { name: `Retry job ${jobId}` }).click();
    await expect(page.getByTestId("queue-notice")).toHaveText("1 job moved back to waiting.");
    await expect(page.locator(`[data-job-id="${jobId}"]`)).toHaveCount(0);
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    expect(receiver.received[0]?.["webhook-id"]).toMatch(/^evt_/);
  } finally {
    await receiver.close();
  }

  // "Retry all failed" asks first; a second failure (another closed port) goes back to waiting with it.
  const port2 = await closedPort();
  const hook2 = await trpcMutation<{ endpoint: { id: string } }>(page.request, base, "webhook.create", {
    tenantSlug: slug,
    url: `http://127.0.0.1:${port2}/hook`,
  });
  await trpcMutation(page.request, base, "webhook.sendTest", { tenantSlug: slug, id: hook2.endpoint.id });
  const row2 = page.getByTestId("failed-job-row").filter({ hasText: `127.0.0.1:${port2}` });
  await expect(row2).toBeVisible({ timeout: 90_000 });
  await page.getByRole("button", { name: "Retry all failed" }).click();
  const dialog = page.getByRole("dialog", { name: "Retry every failed job of webhooks?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row2).toBeVisible();
  const receiver2 = await receiverOn(port2);
  try {
    await page.getByRole("button", { name: "Retry all failed" }).click();
    await dialog.getByRole("button", { name: "Retry all failed" }).click();
    await expect(page.getByTestId("queue-notice")).toHaveText(/jobs? moved back to waiting\./);
    await expect.poll(() => receiver2.received.length, { timeout: 30_000 }).toBe(1);
    await expect(row2).toHaveCount(0);
  } finally {
    await receiver2.close();
  }

  // The same page in Chinese, on a phone.
  const zh = await browser.newContext({
    baseURL,
    storageState: await page.context().storageState(),
    viewport: { width: 390, height: 844 },
  });
  const phone = await zh.newPage();
  await phone.goto("/tenants");
  await phone.getByTestId("locale-switcher").selectOption("zh-CN");
  await expect(phone.locator("html")).toHaveAttribute("lang", "zh-CN");
  await phone.goto("/platform/queues?queue=webhooks");
  await expect(phone.getByRole("heading", { name: "任务队列", level: 1 })).toBeVisible();
  await expect(phone.getByRole("heading", { name: "webhooks 中失败的任务" })).toBeVisible();
  await expectNoHorizontalOverflow(phone);
  await zh.close();
});
