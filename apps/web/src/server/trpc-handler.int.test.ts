import { findUserByEmail } from "@aspen/db";
import { randomSuffix } from "@aspen/db/testing";
import { describe, expect, it } from "vitest";
import { getSystemDb } from "./db";
import { ensureTestEnv } from "./testing";
import { handleTrpcRequest } from "./trpc-handler";

ensureTestEnv();

const APP_URL = "http://localhost:3000";
const opts = { appUrl: APP_URL, getSession: async () => null };

function signupBody(email: string) {
  return { json: { email, name: "Csrf Test", password: "long-enough-pass-1" } };
}

async function post(headers: Record<string, string>, body: string, url = `${APP_URL}/api/trpc/auth.signup`) {
  return handleTrpcRequest(new Request(url, { method: "POST", headers, body }), opts);
}

async function exists(email: string) {
  return !!(await findUserByEmail(getSystemDb(), email));
}

describe("tRPC route: cross-site protection", () => {
  it("refuses an HTML form posted from another site, and changes nothing", async () => {
    const email = `csrf-${randomSuffix()}@test.aspen.dev`;
    const form = new URLSearchParams({ input: JSON.stringify(signupBody(email)) }).toString();
    const res = await post(
      { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", host: "localhost:3000" },
      form,
    );
    expect(res.status).toBe(403);
    expect(await exists(email)).toBe(false);
  });

  it("refuses a JSON POST with a foreign Origin", async () => {
    const email = `csrf-${randomSuffix()}@test.aspen.dev`;
    const res = await post(
      { "content-type": "application/json", origin: "https://evil.example", host: "localhost:3000" },
      JSON.stringify(signupBody(email)),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe("cross_site_request");
    expect(await exists(email)).toBe(false);
  });

  it("refuses a same-origin POST that is not JSON (text/plain needs no preflight)", async () => {
    const email = `csrf-${randomSuffix()}@test.aspen.dev`;
    const res = await post({ "content-type": "text/plain", origin: APP_URL, host: "localhost:3000" }, JSON.stringify(signupBody(email)));
    expect(res.status).toBe(403);
    expect(await exists(email)).toBe(false);
  });

  it("refuses a JSON POST without an Origin", async () => {
    const email = `csrf-${randomSuffix()}@test.aspen.dev`;
    const res = await post({ "content-type": "application/json", host: "localhost:3000" }, JSON.stringify(signupBody(email)));
    expect(res.status).toBe(403);
    expect(await exists(email)).toBe(false);
  });

  it("accepts same-origin JSON (Origin = APP_URL)", async () => {
    const email = `csrf-${randomSuffix()}@test.aspen.dev`;
    const res = await post(
      { "content-type": "application/json", origin: APP_URL, host: "localhost:3000" },
      JSON.stringify(signupBody(email)),
    );
    expect(res.status).toBe(200);
    expect(await exists(email)).toBe(true);
  });

  it("accepts JSON whose Origin is the host the request was addressed to", async () => {
    const email = `csrf-${randomSuffix()}@test.aspen.dev`;
    const res = await post(
      { "content-type": "application/json; charset=utf-8", origin: "http://127.0.0.1:3101", host: "127.0.0.1:3101" },
      JSON.stringify(signupBody(email)),
      "http://127.0.0.1:3101/api/trpc/auth.signup",
    );
    expect(res.status).toBe(200);
    expect(await exists(email)).toBe(true);
  });

  it("serves queries over GET without an Origin", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { token: "x".repeat(43) } }));
    const res = await handleTrpcRequest(new Request(`${APP_URL}/api/trpc/invitation.byToken?input=${input}`), opts);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { json: { data: { code: string; reason: string } } } };
    expect(body.error.json.data.code).toBe("NOT_FOUND");
  });

  it("reports invalid input plainly, with per-field details", async () => {
    const res = await post(
      { "content-type": "application/json", origin: APP_URL },
      JSON.stringify({ json: { email: "not-an-email", name: "", password: "short" } }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { message: string; data: { reason: string; details: { path: string }[] } } } };
    expect(body.error.json.data.reason).toBe("invalid_input");
    expect([...new Set(body.error.json.data.details.map((d) => d.path))].sort()).toEqual(["email", "name", "password"]);
    expect(body.error.json.message).not.toContain("[");
  });
});
