import { createServer, type Server } from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { signedHeaders } from "./processor";
import { createSafeAgents, maxResponseExcerpt, postWebhook } from "./send";

// A local receiver: counts connections, answers per path.
let server: Server;
let port: number;
let connections = 0;
const second = { server: undefined as Server | undefined, port: 0, connections: 0 };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (req.url === "/ok") res.writeHead(200).end("thanks");
    else if (req.url === "/redirect") res.writeHead(302, { location: `http://127.0.0.1:${second.port}/ok` }).end();
    else if (req.url === "/huge") res.writeHead(200).end("x".repeat(1024 * 1024));
    else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end("late"), 3000);
    else res.writeHead(404).end();
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  second.server = createServer((_q, s) => s.end("second"));
  second.server.on("connection", () => second.connections++);
  await new Promise<void>((r) => second.server!.listen(0, "127.0.0.1", r));
  second.port = (second.server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  second.server?.close();
});
afterEach(() => vi.restoreAllMocks());

const strict = createSafeAgents({ allowLoopback: false });
const dev = createSafeAgents({ allowLoopback: true });
const post = (url: string, agents = strict, timeoutMs = 2000) =>
  postWebhook(url, { "content-type": "application/json" }, "{}", { agents, timeoutMs });

describe("SSRF: refused before any connection with the dev flag off", () => {
  it.each([
    () => `http://127.0.0.1:${port}/ok`,
    () => `http://0x7f000001:${port}/ok`,
    () => `http://[::ffff:127.0.0.1]:${port}/ok`,
    () => "http://10.0.0.1/hook",
    () => "http://169.254.169.254/latest/meta-data/",
    () => "http://100.64.0.1/hook",
    () => "http://[::1]/hook",
  ])("%s", async (url) => {
    const connect = vi.spyOn(net.Socket.prototype, "connect");
    const before = connections;
    const r = await post(url());
    expect(r.status).toBeNull();
    expect(r.error).toMatch(/is not allowed/);
    // No socket was ever asked to connect: the check ran on the resolved address first.
    expect(connect).not.toHaveBeenCalled();
    expect(connections).toBe(before);
  });
});

describe("SSRF: a host name resolving to loopback", () => {
  it("is refused in the DNS lookup step, before the TCP connection", async () => {
    const before = connections;
    const r = await post(`http://localhost:${port}/ok`);
    expect(r.status).toBeNull();
    // localhost resolves to 127.0.0.1 or ::1 first, depending on the system's hosts file: either is refused.
    expect(r.error).toMatch(/DNS lookup (127\.0\.0\.1\(family:4|::1\(family:6), host:localhost\) is not allowed/);
    expect(connections).toBe(before);
  });
});

describe("delivery HTTP behaviour (dev flag on: loopback allowed)", () => {
  it("delivers to loopback with the flag on", async () => {
    const r = await post(`http://127.0.0.1:${port}/ok`, dev);
    expect(r).toMatchObject({ status: 200, body: "thanks", error: null });
  });

  it("never follows a redirect (to loopback or anywhere)", async () => {
    const before = second.connections;
    const r = await post(`http://127.0.0.1:${port}/redirect`, dev);
    expect(r.status).toBe(302);
    expect(r.error).toMatch(/not followed/);
    await new Promise((res) => setTimeout(res, 100));
    expect(second.connections).toBe(before);
  });

  it("reads at most 64 KiB of a huge answer", async () => {
    const r = await post(`http://127.0.0.1:${port}/huge`, dev);
    expect(r.status).toBe(200);
    expect(r.body!.length).toBeLessThan(maxResponseExcerpt + 100);
    expect(r.body).toContain("cut at 64 KiB");
  });

  it("gives up on a slow receiver at the timeout", async () => {
    const r = await post(`http://127.0.0.1:${port}/slow`, dev, 300);
    expect(r.status).toBeNull();
    expect(r.error).toMatch(/timed out after 300 ms/);
    expect(r.durationMs).toBeLessThan(2000);
  });
});

describe("signatures", () => {
  it("verify with standardwebhooks, with both secrets during a rotation", () => {
    const oldSecret = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
    const newSecret = `whsec_${Buffer.alloc(32, 2).toString("base64")}`;
    const body = JSON.stringify({ type: "alarm.created", timestamp: new Date().toISOString(), data: {} });
    const h = signedHeaders("evt_x", new Date(), body, [newSecret, oldSecret]);
    expect(h["webhook-signature"]).toMatch(/^v1,\S+ v1,\S+$/);
    expect(new Webhook(newSecret).verify(body, h)).toBeTruthy();
    expect(new Webhook(oldSecret).verify(body, h)).toBeTruthy();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 3).toString("base64")}`).verify(body, h)).toThrow();
    expect(() => new Webhook(newSecret).verify(`${body} `, h)).toThrow();
  });
});
