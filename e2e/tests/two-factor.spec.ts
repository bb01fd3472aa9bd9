import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "./support";

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a base32 key, as an authenticator app computes it. */
function totp(base32: string, now = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of base32.replace(/=+$/, "")) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const off = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(off) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

test("turn on TOTP on the account page, then signing in asks for the code", async ({ page, browser }) => {
  const account = newAccount("totp");
  await signUp(page, account);
  await page.goto("/account");
  await page.getByTestId("totp-begin").click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  // The previous step's code (one step of drift is allowed) keeps the current one fresh for the sign-in.
  await page.getByTestId("totp-code").fill(totp(secret, Date.now() - 30_000));
  await page.getByTestId("totp-enable").click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await expect(page.getByTestId("two-factor-status")).toContainText("10");

  const fresh = await browser.newContext();
  const p = await fresh.newPage();
  await p.goto("/login");
  await p.getByTestId("login-email").fill(account.email);
  await p.getByTestId("login-password").fill(account.password);
  await p.getByTestId("login-submit").click();
  await expect(p.getByTestId("login-code")).toBeVisible();
  await p.getByTestId("login-password").fill(account.password);
  await p.getByTestId("login-code").fill(totp(secret));
  await p.getByTestId("login-submit").click();
  await p.waitForURL((url) => !url.pathname.startsWith("/login"));
  await fresh.close();
});
