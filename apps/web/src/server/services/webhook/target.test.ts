import { describe, expect, it } from "vitest";
import { forbiddenAddress, webhookTargetProblem } from "./target";

const off = { allowLoopback: false };
const on = { allowLoopback: true };

describe("webhook targets are checked when saved", () => {
  it.each([
    ["http://127.0.0.1/h", /loopback/],
    ["http://0x7f000001/h", /loopback/],
    ["http://[::ffff:127.0.0.1]/h", /loopback/],
    ["http://[::1]/h", /loopback/],
    ["http://10.0.0.1/h", /private/],
    ["http://192.168.1.5/h", /private/],
    ["http://169.254.169.254/latest/meta-data", /linkLocal/],
    ["http://100.64.0.1/h", /carrierGradeNat/],
    ["http://0.0.0.0/h", /unspecified/],
  ])("refuses %s with the flag off", async (url, why) => {
    expect(await webhookTargetProblem(url, off)).toMatch(why);
  });

  it("refuses a host name resolving to loopback, using the resolver (no request is sent)", async () => {
    expect(await webhookTargetProblem("http://localhost:8080/h", off)).toMatch(/loopback/);
    expect(await webhookTargetProblem("http://sneaky.example/h", { ...off, resolve: async () => ["93.184.216.34", "127.0.0.1"] })).toMatch(
      /127\.0\.0\.1 is a loopback/,
    );
  });

  it("allows public addresses, and loopback only with the dev flag", async () => {
    expect(await webhookTargetProblem("https://public.example/h", { ...off, resolve: async () => ["93.184.216.34"] })).toBeNull();
    expect(await webhookTargetProblem("http://127.0.0.1:9/h", on)).toBeNull();
    expect(await webhookTargetProblem("http://10.0.0.1/h", on)).toMatch(/private/);
    expect(forbiddenAddress("::ffff:10.0.0.1", on)).toMatch(/private/);
  });

  it("refuses hosts that do not resolve", async () => {
    expect(
      await webhookTargetProblem("http://nope.invalid/h", {
        ...off,
        resolve: async () => {
          throw new Error("ENOTFOUND");
        },
      }),
    ).toMatch(/Could not resolve/);
  });
});
