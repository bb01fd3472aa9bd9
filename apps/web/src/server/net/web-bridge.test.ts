import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseHeaders } from "./base-headers.mjs";
import { appendPeerAddress } from "./peer-address.mjs";
import type { ApiAnswer, ApiRequest } from "../api/v1/transport";
import { bridgeable, serveApi } from "./web-bridge.mjs";

// A real HTTP server in front of the bridge, as apps/web/server.mjs runs it, and a handler that echoes what
// it was given: what the REST handler sees and answers must not depend on which road a request took.

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const shown = ["authorization", "x-forwarded-for", "x-real-ip", "idempotency-key", "accept", "content-type"];

const handler = async (r: ApiRequest): Promise<ApiAnswer> => {
  if (r.url.includes("/refuse")) return { status: 401, headers: {}, body: '{"error":"no"}' };
  const url = new URL(r.url);
  const limit = Number(url.searchParams.get("limit") ?? 1024 * 1024);
  const bytes = await r.readBody(limit);
  if (bytes === null) return { status: 413, headers: { "content-type": "application/json" }, body: '{"error":"large"}' };
  const headers: Record<string, string> = {};
  for (const name of shown) {
    // Names are read case-insensitively, as from Fetch's Headers.
    const v = r.headers.get(name.toUpperCase());
    if (v !== null) headers[name] = v;
  }
  const seen: Seen = { method: r.method, url: r.url, headers, body: Buffer.from(bytes).toString("utf8") };
  const pad = url.searchParams.get("pad");
  const status = Number(url.searchParams.get("status") ?? 200);
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", location: "/api/v1/things/1", "ratelimit-limit": "600" },
    body: status === 204 ? null : JSON.stringify({ seen, pad: "x".repeat(Number(pad ?? 0)) }),
  };
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    appendPeerAddress(req);
    void serveApi(req, res, handler, "http://app.test");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, init);
  return { res, json: (await res.json()) as { seen: Seen; pad: string } };
}

describe("serveApi", () => {
  it("passes method, path, query and headers, with the socket address appended to X-Forwarded-For", async () => {
    const { res, json } = await call("/api/v1/devices?limit=5&search=a%20b", {
      headers: { authorization: "Bearer ak_test", "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" },
    });
    expect(res.status).toBe(200);
    expect(json.seen.method).toBe("GET");
    expect(json.seen.url).toBe("http://app.test/api/v1/devices?limit=5&search=a%20b");
    expect(json.seen.headers.authorization).toBe("Bearer ak_test");
    expect(json.seen.headers["x-forwarded-for"]).toBe("6.6.6.6, 127.0.0.1");
    expect(json.seen.headers["x-real-ip"]).toBeUndefined();
  });

  it("streams a request body through, and answers with the handler's status and headers plus the base headers", async () => {
    const body = JSON.stringify({ name: "押出機-1", labels: { site: "a" } });
    const { res, json } = await call("/api/v1/devices?status=201", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "k1" },
      body,
    });
    expect(res.status).toBe(201);
    expect(json.seen.body).toBe(body);
    expect(json.seen.headers["idempotency-key"]).toBe("k1");
    expect(res.headers.get("location")).toBe("/api/v1/things/1");
    expect(res.headers.get("ratelimit-limit")).toBe("600");
    for (const { key, value } of baseHeaders) expect(res.headers.get(key)).toBe(value);
  });

  it("answers before reading a body, and the connection's next request is still served", async () => {
    // One kept-alive socket: a body left half read would stall the request after it on the same connection.
    const { Agent, request } = await import("node:http");
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(`${base}${path}`, { method, agent }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.setTimeout(3000, () => req.destroy(new Error(`${method} ${path}: no answer in 3 s`)));
        req.on("error", reject);
        req.end(body);
      });
    try {
      const [refused, next] = await Promise.all([
        send("POST", "/api/v1/refuse", "x".repeat(512 * 1024)),
        send("GET", "/api/v1/devices?after=refused"),
      ]);
      expect(refused).toEqual({ status: 401, text: '{"error":"no"}' });
      expect(next.status).toBe(200);
      expect((JSON.parse(next.text) as { seen: Seen }).seen.url).toContain("after=refused");
    } finally {
      agent.destroy();
    }
  });

  it("joins a repeated header as Fetch does, and reads a body sent in many chunks whole", async () => {
    const { request } = await import("node:http");
    const chunk = "y".repeat(64 * 1024);
    const answer = await new Promise<{ status: number; json: { seen: Seen } }>((resolve, reject) => {
      const req = request(`${base}/api/v1/devices`, { method: "POST", headers: { accept: ["a/b", "c/d"] } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as { seen: Seen } }));
      });
      req.on("error", reject);
      // Chunked (no Content-Length), ten writes.
      for (let i = 0; i < 10; i++) req.write(chunk);
      req.end();
    });
    expect(answer.status).toBe(200);
    expect(answer.json.seen.headers.accept).toBe("a/b, c/d");
    expect(answer.json.seen.body).toBe(chunk.repeat(10));
  });

  it("stops reading a body at the handler's limit, answers, and closes that connection only", async () => {
    const { Agent, request } = await import("node:http");
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; text: string; connection?: string }>((resolve, reject) => {
        const req = request(`${base}${path}`, { method, agent }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
        });
        req.setTimeout(3000, () => req.destroy(new Error(`${method} ${path}: no answer in 3 s`)));
        req.on("error", reject);
        req.end(body);
      });
    try {
      const [large, next] = await Promise.all([
        send("POST", "/api/v1/devices?limit=1000", "z".repeat(256 * 1024)),
        send("GET", "/api/v1/devices?after=large"),
      ]);
      expect(large).toMatchObject({ status: 413, text: '{"error":"large"}', connection: "close" });
      expect(next.status).toBe(200);
      expect((JSON.parse(next.text) as { seen: Seen }).seen.url).toContain("after=large");
      // Within the limit: read whole, and the connection stays open.
      const small = await send("POST", "/api/v1/devices?limit=1000", "z".repeat(1000));
      expect(small.status).toBe(200);
      expect(small.connection).not.toBe("close");
      expect((JSON.parse(small.text) as { seen: Seen }).seen.body).toHaveLength(1000);
    } finally {
      agent.destroy();
    }
  });

  it("answers a bodiless status without a body", async () => {
    const res = await fetch(`${base}/api/v1/devices/x?status=204`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("gzips a body of 1 KiB or more for a client that accepts it, and only then", async () => {
    const raw = async (path: string, encoding?: string) => {
      // node:http's own client: fetch would decompress and drop the evidence.
      const { request } = await import("node:http");
      return new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
        const req = request(`${base}${path}`, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end();
      });
    };
    const big = await raw("/api/v1/devices?pad=4000", "gzip, deflate, br");
    expect(big.headers["content-encoding"]).toBe("gzip");
    expect(big.headers.vary).toBe("Accept-Encoding");
    expect(Number(big.headers["content-length"])).toBe(big.body.byteLength);
    expect((JSON.parse(gunzipSync(big.body).toString()) as { pad: string }).pad).toHaveLength(4000);

    const plain = await raw("/api/v1/devices?pad=4000");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect((JSON.parse(plain.body.toString()) as { pad: string }).pad).toHaveLength(4000);

    const small = await raw("/api/v1/devices", "gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});

describe("bridgeable", () => {
  const req = (method: string, url: string) => ({ method, url }) as IncomingMessage;

  it("takes the methods the route exports on plain paths under the prefix", () => {
    for (const m of ["GET", "POST", "PATCH", "PUT", "DELETE"]) expect(bridgeable(req(m, "/api/v1/devices?limit=1"), "/api/v1/")).toBe(true);
    expect(bridgeable(req("GET", "/api/v1/devices/dev_1/commands"), "/api/v1/")).toBe(true);
  });

  it("leaves to Next.js what it derives or redirects, and everything outside the prefix", () => {
    expect(bridgeable(req("HEAD", "/api/v1/devices"), "/api/v1/")).toBe(false);
    expect(bridgeable(req("OPTIONS", "/api/v1/devices"), "/api/v1/")).toBe(false);
    expect(bridgeable(req("GET", "/api/v1/devices/"), "/api/v1/")).toBe(false);
    expect(bridgeable(req("GET", "/api/v1//devices"), "/api/v1/")).toBe(false);
    expect(bridgeable(req("GET", "/api/v1/../t/acme"), "/api/v1/")).toBe(false);
    expect(bridgeable(req("GET", "/api/v1/./devices"), "/api/v1/")).toBe(false);
    expect(bridgeable(req("GET", "/api/v1\\devices"), "/api/v1/")).toBe(false);
    expect(bridgeable(req("GET", "/api/v1"), "/api/v1/")).toBe(false);
    expect(bridgeable(req("GET", "/api/trpc/device.list"), "/api/v1/")).toBe(false);
  });
});
