import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { withPublicUrl } from "./public-url";

describe("withPublicUrl", () => {
  it("rebuilds the URL from the Host header, keeping 127.0.0.1", () => {
    const req = new NextRequest("http://localhost:3000/api/auth/session?x=1", { headers: { host: "127.0.0.1:3000" } });
    expect(withPublicUrl(req).url).toBe("http://127.0.0.1:3000/api/auth/session?x=1");
  });
  it("prefers X-Forwarded-Host and -Proto from the proxy", () => {
    const req = new NextRequest("http://10.0.0.2:3000/api/auth/csrf", {
      headers: { host: "10.0.0.2:3000", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" },
    });
    expect(withPublicUrl(req).url).toBe("https://console.example.com/api/auth/csrf");
  });
  it("keeps the body of a POST", async () => {
    const req = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.c",
    });
    const out = withPublicUrl(req);
    expect(out.method).toBe("POST");
    expect(await out.text()).toBe("email=a%40b.c");
  });
});
