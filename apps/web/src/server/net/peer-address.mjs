// Plain ESM so that the launcher (apps/web/server.mjs) can load it without a build step.

/**
 * Appends the TCP peer of `req` to its X-Forwarded-For header, as a reverse
 * proxy does. Next.js only fills X-Forwarded-For when the client sent none,
 * so without this a client could choose the address route handlers see; with
 * it, the right-most entry is always the socket address.
 * @param {import("node:http").IncomingMessage} req
 */
export function appendPeerAddress(req) {
  const peer = normalizeAddress(req.socket?.remoteAddress ?? "") || "unknown";
  const prior = req.headers["x-forwarded-for"];
  const list = (Array.isArray(prior) ? prior.join(",") : (prior ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  list.push(peer);
  req.headers["x-forwarded-for"] = list.join(", ");
  // Headers some libraries read as "the client IP": never taken from the client.
  delete req.headers["x-real-ip"];
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) → `1.2.3.4`. */
export function normalizeAddress(address) {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
