import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";

export interface OpsServerOptions {
  port: number;
  host?: string;
  registry: Registry;
  /** Returns named checks; any `false` makes /healthz answer 503. */
  health: () => Promise<Record<string, boolean>>;
}

/** Serves /healthz (JSON, 200 or 503) and Prometheus /metrics for the broker and worker processes. */
export function startOpsServer(opts: OpsServerOptions): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      if (req.url === "/healthz") {
        const checks = await opts.health().catch(() => ({ self: false }));
        const ok = Object.values(checks).every(Boolean);
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: ok ? "ok" : "degraded", checks }));
      } else if (req.url === "/metrics") {
        res.writeHead(200, { "content-type": opts.registry.contentType });
        res.end(await opts.registry.metrics());
      } else {
        res.writeHead(404).end();
      }
    } catch {
      res.writeHead(500).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve(server));
  });
}
