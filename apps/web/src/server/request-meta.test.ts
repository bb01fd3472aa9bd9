import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { appendPeerAddress } from "./net/peer-address.mjs";
import { clientIp } from "./request-meta";

/** What a route handler sees after the launcher handled a request from `peer` with `xff` as sent. */
function seen(peer: string, xff?: string | string[]): Headers {
  const req = { socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { "x-forwarded-for": xff } };
  appendPeerAddress(req as unknown as IncomingMessage);
  return new Headers({ "x-forwarded-for": req.headers["x-forwarded-for"] as string });
}

describe("clientIp", () => {
  it("is the socket address when the client forges X-Forwarded-For and no proxy is trusted", () => {
    expect(clientIp(seen("203.0.113.7", "1.1.1.1"), 0)).toBe("203.0.113.7");
    expect(clientIp(seen("203.0.113.7", ["1.1.1.1", "2.2.2.2, 3.3.3.3"]), 0)).toBe("203.0.113.7");
    expect(clientIp(seen("::ffff:203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(seen("::1"), 0)).toBe("::1");
  });

  it("takes the right-most untrusted entry behind N trusted proxies", () => {
    // client 198.51.100.9 forges "6.6.6.6"; proxy A (10.0.0.2) appends the client; web sees A as peer.
    expect(clientIp(seen("10.0.0.2", "6.6.6.6, 198.51.100.9"), 1)).toBe("198.51.100.9");
    // two hops: edge (10.0.0.1) then internal (10.0.0.2)
    expect(clientIp(seen("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1"), 2)).toBe("198.51.100.9");
  });

  it("varying the forged header never changes the address (per-IP limits hold)", () => {
    const ips = new Set(Array.from({ length: 20 }, (_, i) => clientIp(seen("203.0.113.7", `10.9.9.${i}`), 0)));
    expect([...ips]).toEqual(["203.0.113.7"]);
  });

  it("ignores X-Real-IP", () => {
    const req = { socket: { remoteAddress: "203.0.113.7" }, headers: { "x-real-ip": "1.1.1.1" } as Record<string, string> };
    appendPeerAddress(req as unknown as IncomingMessage);
    expect(req.headers["x-real-ip"]).toBeUndefined();
  });

  it("is null without any entry (a request that did not come through the launcher)", () => {
    expect(clientIp(new Headers(), 0)).toBeNull();
  });
});
