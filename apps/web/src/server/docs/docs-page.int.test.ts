import { describe, expect, it } from "vitest";
import { GET as bundle } from "../../app/docs/api/scalar.js/route";
import { GET as page } from "../../app/docs/api/route";

describe("/docs/api", () => {
  it("renders the reference with our own copy of the renderer and a same-origin-only policy", async () => {
    const res = page(new Request("http://localhost:3000/docs/api", { headers: { "x-nonce": "bm9uY2Utbm9uY2Utbm9uY2U=" } }));
    const html = await res.text();
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(html).toContain('<script src="/docs/api/scalar.js" nonce="bm9uY2Utbm9uY2Utbm9uY2U="');
    expect(html).toContain("/api/v1/openapi.json");
    // Nothing from another origin: no absolute script/link/img sources.
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("'nonce-bm9uY2Utbm9uY2Utbm9uY2U='");
    expect(csp).not.toMatch(/https?:/);
  });

  it("serves the renderer bundle from npm", async () => {
    const res = await bundle();
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    const js = await res.text();
    expect(js.length).toBeGreaterThan(1_000_000);
    expect(js).toContain("createApiReference");
  });
});
