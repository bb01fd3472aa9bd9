import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allows scripts only by nonce and strict-dynamic, never unsafe-inline", () => {
    const csp = contentSecurityPolicy("abc123");
    const script = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(script).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("makes a different nonce per call", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it("sends HSTS only when APP_URL is https", () => {
    expect(pageSecurityHeaders("https://iot.example.com")["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(pageSecurityHeaders("http://localhost:3000")["Strict-Transport-Security"]).toBeUndefined();
    expect(pageSecurityHeaders("http://localhost:3000")["Permissions-Policy"]).toContain("camera=()");
  });
});
