// The web launcher: `next start` with three additions it cannot do itself.
//  1. The TCP peer address is appended to X-Forwarded-For before Next.js sees the request (Next only fills the
//     header when the client sent none, so route handlers could not tell a forged value from the socket address).
//  2. Prometheus metrics are served on a separate ops port (WEB_OPS_PORT, loopback by default), not on the console.
//  3. The REST API (/api/v1) is handed to its route handler directly (src/server/net/web-bridge.mjs).
// Plain ESM, no build step. Its three variables are listed in the README; the app's own env is parsed in src/env.ts.
import { createServer } from "node:http";
import next from "next";
import { appendPeerAddress } from "./src/server/net/peer-address.mjs";
import { bridgeable, serveApi } from "./src/server/net/web-bridge.mjs";

const port = Number(process.env.WEB_PORT ?? 3000);
const hostname = process.env.WEB_HOST ?? "127.0.0.1";
const opsPort = Number(process.env.WEB_OPS_PORT ?? 9093);
const opsHost = process.env.WEB_OPS_HOST ?? "127.0.0.1";

const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const origin = `http://${hostname}:${port}`;
const web = createServer((req, res) => {
  appendPeerAddress(req);
  // /api/v1 straight to its router (instrumentation.ts puts it here), from Node's request to Node's response:
  // Next's router, its Response streams and tracing took ~35 % of the CPU of a REST call, Fetch objects more.
  // Everything else, and /api/v1 before the router is registered or where Next.js would redirect, goes
  // through Next.js.
  const api = globalThis.__aspenApiHandler;
  if (api && bridgeable(req, "/api/v1/") && !req.url?.startsWith("/api/v1/openapi.json")) {
    serveApi(req, res, api, origin).catch((err) => {
      // The process's pino logger (src/server/logger.ts keeps it on globalThis).
      globalThis.__aspenLogger?.error({ err: err?.message, path: req.url?.split("?")[0] }, "/api/v1 bridge failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end('{"error":{"code":"internal","message":"Internal error.","details":null}}');
    });
    return;
  }
  void handle(req, res);
});
web.listen(port, hostname, () => console.log(`web: console on http://${hostname}:${port}`));

const ops = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://ops");
  // The registry lives on globalThis (see src/server/metrics.ts); instrumentation.ts creates it at start.
  const registry = globalThis.__aspenMetrics?.registry;
  if (req.method === "GET" && url.pathname === "/metrics" && registry) {
    res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
    res.end(await registry.metrics());
  } else {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  }
});
if (opsPort >= 0) ops.listen(opsPort, opsHost, () => console.log(`web: metrics on http://${opsHost}:${ops.address().port}/metrics`));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  ops.close();
  web.close(() => void app.close().finally(() => process.exit(0)));
  // Open live streams (server-sent events) would hold close() for ever.
  setTimeout(() => process.exit(0), 5000).unref();
  web.closeIdleConnections?.();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
