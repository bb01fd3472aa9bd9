import { findUserByEmail } from "@aspen/db";
import { createTestUser, randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getSystemDb } from "../db";
import { callerAs, ensureTestEnv } from "../testing";
import { handleTrpcRequest, MAX_TRPC_BATCH } from "../trpc-handler";
import { emailTakenBudget, procedureBudgets } from "./procedure-limits";
import { MAX_TRPC_BODY_BYTES } from "./request-body";

ensureTestEnv();

const APP_URL = "http://localhost:3000";
const json = { "content-type": "application/json", origin: APP_URL, host: "localhost:3000" };
const opts = { appUrl: APP_URL, getSession: async () => null };
const post = (path: string, body: BodyInit, headers: Record<string, string> = json) =>
  handleTrpcRequest(new Request(`${APP_URL}/api/trpc/${path}`, { method: "POST", headers, body, duplex: "half" } as RequestInit), opts);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof TRPCError) return `${err.code}:${(err.cause as { reason?: string } | undefined)?.reason ?? ""}`;
    throw err;
  }
}

const budget = (path: string, by: "ip" | "user") => procedureBudgets[path]!.find((b) => b.by === by)!.points;

describe("tRPC request limits", () => {
  it(`refuses a batch of more than ${MAX_TRPC_BATCH} calls before running any`, async () => {
    const n = MAX_TRPC_BATCH + 1;
    const emails = Array.from({ length: n }, () => `batch-${randomSuffix()}@test.aspen.dev`);
    const body = Object.fromEntries(emails.map((email, i) => [i, { json: { email, name: "B", password: "long-enough-pass-1" } }]));
    const res = await post(`${Array(n).fill("auth.signup").join(",")}?batch=1`, JSON.stringify(body));
    expect(res.status).toBe(400);
    for (const e of emails) expect(await findUserByEmail(getSystemDb(), e)).toBeUndefined();
  });

  it("refuses a body over 1 MiB with 413, declared or streamed", async () => {
    const big = `{"json":{"email":"${"a".repeat(MAX_TRPC_BODY_BYTES)}"}}`;
    expect((await post("auth.signup", big)).status).toBe(413);
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 40) c.enqueue(chunk);
        else c.close();
      },
    });
    expect((await post("auth.signup", stream)).status).toBe(413);
    expect(sent).toBeLessThan(40); // stopped reading soon after the limit
  });

  it("refuses JSON nested 5,000 deep with 400, not 500", async () => {
    const deep = `{"json":{"email":${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    const res = await post("auth.signup", deep);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe("json_too_deep");
  });

  it("limits sign-ups per IP, counted before the input is even checked", async () => {
    const ip = `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const caller = callerAs(null, ip);
    for (let i = 0; i < budget("auth.signup", "ip"); i++) {
      expect(await code(caller.auth.signup({ email: "bad", name: "", password: "" }))).toBe("BAD_REQUEST:invalid_input");
    }
    const email = `limited-${randomSuffix()}@test.aspen.dev`;
    expect(await code(caller.auth.signup({ email, name: "L", password: "long-enough-pass-1" }))).toBe("TOO_MANY_REQUESTS:rate_limited");
    expect(await findUserByEmail(getSystemDb(), email)).toBeUndefined();
    // another address is not affected
    expect(await code(callerAs(null).auth.signup({ email, name: "L", password: "long-enough-pass-1" }))).toBe("ok");
  });

  it("answers email_taken only a few times per IP, then refuses", async () => {
    const taken = await createTestUser(getSystemDb());
    const caller = callerAs(null);
    for (let i = 0; i < emailTakenBudget.points; i++) {
      expect(await code(caller.auth.signup({ email: taken.email, name: "E", password: "long-enough-pass-1" }))).toBe(
        "CONFLICT:email_taken",
      );
    }
    expect(await code(caller.auth.signup({ email: taken.email, name: "E", password: "long-enough-pass-1" }))).toBe(
      "TOO_MANY_REQUESTS:rate_limited",
    );
  });

  it("limits password changes per account, whatever the IP", async () => {
    const user = await createTestUser(getSystemDb());
    for (let i = 0; i < budget("auth.changePassword", "user"); i++) {
      expect(await code(callerAs(user).auth.changePassword({ current: "wrong", next: "another-long-pass-2" }))).toBe(
        "BAD_REQUEST:wrong_password",
      );
    }
    expect(await code(callerAs(user).auth.changePassword({ current: "wrong", next: "another-long-pass-2" }))).toBe(
      "TOO_MANY_REQUESTS:rate_limited",
    );
  });

  it("limits invitations per account", async () => {
    const user = await createTestUser(getSystemDb());
    const call = () => callerAs(user).member.invite({ tenantSlug: `nope-${randomSuffix()}`, email: "x@test.aspen.dev", role: "viewer" });
    for (let i = 0; i < budget("member.invite", "user"); i++) expect(await code(call())).toBe("NOT_FOUND:not_found");
    expect(await code(call())).toBe("TOO_MANY_REQUESTS:rate_limited");
  });
});
