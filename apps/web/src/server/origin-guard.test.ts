import { describe, expect, it } from "vitest";
import { checkMutationRequest } from "./origin-guard";

const APP = "https://console.example.com";
const req = (headers: Record<string, string>, method = "POST", url = `${APP}/api/trpc/x`) => new Request(url, { method, headers });

describe("checkMutationRequest", () => {
  it("lets GET through (queries have no side effects)", () => {
    expect(checkMutationRequest(req({}, "GET"), APP).ok).toBe(true);
  });
  it("accepts JSON from APP_URL's origin", () => {
    expect(checkMutationRequest(req({ "content-type": "application/json", origin: APP }), APP).ok).toBe(true);
  });
  it("accepts JSON from the host the request was sent to", () => {
    const r = req(
      { "content-type": "application/json", origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" },
      "POST",
      "http://10.0.0.5:3000/api/trpc/x",
    );
    expect(checkMutationRequest(r, APP).ok).toBe(true);
  });
  it.each([
    ["form content type", { "content-type": "application/x-www-form-urlencoded", origin: APP }],
    ["multipart", { "content-type": "multipart/form-data; boundary=x", origin: APP }],
    ["text/plain", { "content-type": "text/plain", origin: APP }],
    ["foreign origin", { "content-type": "application/json", origin: "https://evil.example" }],
    ["look-alike origin", { "content-type": "application/json", origin: "https://console.example.com.evil.example" }],
    ["no origin", { "content-type": "application/json" }],
    ["null origin", { "content-type": "application/json", origin: "null" }],
  ])("refuses %s", (_name, headers) => {
    expect(checkMutationRequest(req(headers), APP).ok).toBe(false);
  });
});
