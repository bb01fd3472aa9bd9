import { describe, expect, it } from "vitest";
import { bearerToken } from "./auth";
import { parseJson, readBody } from "./body";
import { DeviceApiError } from "./http";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBody", () => {
  it("reads a body within the limit", async () => {
    expect(new TextDecoder().decode(await readBody(post("hello"), 10))).toBe("hello");
  });

  it("refuses by Content-Length before reading", async () => {
    await expect(readBody(post("x", { "content-length": "11" }), 10)).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(4));
      },
    });
    const err = await readBody(post(stream), 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeviceApiError);
    expect((err as DeviceApiError).status).toBe(413);
    expect(pulled).toBeLessThan(6);
  });
});

describe("parseJson", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it("parses JSON", () => expect(parseJson(enc('{"a":1}'))).toEqual({ ok: true, value: { a: 1 }, bytes: 7 }));
  it("explains empty, malformed and non-UTF-8 bodies", () => {
    expect(parseJson(enc(""))).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(parseJson(enc("{"))).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed JSON/) });
    expect(parseJson(new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({ ok: false, reason: expect.stringMatching(/UTF-8/) });
  });
  it("refuses JSON nested 5,000 deep before parsing it", () => {
    const deep = `{"result":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(parseJson(enc(deep))).toMatchObject({ ok: false, reason: expect.stringMatching(/nested deeper/) });
  });
});

describe("bearerToken", () => {
  const r = (h?: string) => new Request("http://localhost/x", { headers: h ? { authorization: h } : {} });
  it("takes the token of a Bearer header only", () => {
    expect(bearerToken(r("Bearer abc_DEF-123"))).toBe("abc_DEF-123");
    expect(bearerToken(r("bearer   abc  "))).toBe("abc");
    expect(bearerToken(r("Basic abc"))).toBeNull();
    expect(bearerToken(r("Bearer a b"))).toBeNull();
    expect(bearerToken(r())).toBeNull();
  });
});
