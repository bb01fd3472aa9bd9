import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

/** At most this much of a response body is read and logged. */
export const maxResponseExcerpt = 64 * 1024;

export interface SendResult {
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

/**
 * Agents that refuse private, loopback, link-local, CGNAT and metadata addresses after DNS
 * resolution and before connecting (request-filtering-agent); `allowLoopback` admits 127.0.0.0/8 and ::1.
 */
export function createSafeAgents(opts: { allowLoopback: boolean; maxSockets?: number }) {
  const filter = {
    allowPrivateIPAddress: false,
    allowMetaIPAddress: false,
    allowIPAddressList: opts.allowLoopback ? ["127.0.0.0/8", "::1"] : [],
    denyIPAddressList: [],
  };
  const common = { keepAlive: true, maxSockets: opts.maxSockets ?? 16, ...filter };
  return { http: new RequestFilteringHttpAgent(common), https: new RequestFilteringHttpsAgent(common) };
}
export type SafeAgents = ReturnType<typeof createSafeAgents>;

/**
 * POSTs `body` with `headers`: never follows redirects, gives up after `timeoutMs` (connect to last
 * byte), reads at most 64 KiB of the answer, and never throws (the error is in the result).
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  o: { agents: SafeAgents; timeoutMs: number },
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (r: Omit<SendResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: elapsed() });
    };
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      finish({ status: null, body: null, error: "invalid URL" });
      return;
    }
    const isHttps = u.protocol === "https:";
    const req = (isHttps ? httpsRequest : httpRequest)(u, {
      method: "POST",
      agent: isHttps ? o.agents.https : o.agents.http,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    });
    timer = setTimeout(() => {
      req.destroy(new Error(`timed out after ${o.timeoutMs} ms`));
    }, o.timeoutMs);
    req.on("error", (err) => finish({ status: null, body: null, error: err.message }));
    req.on("response", (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (truncated: boolean) => {
        const text = Buffer.concat(chunks).toString("utf8");
        const redirect =
          res.statusCode && res.statusCode >= 300 && res.statusCode < 400
            ? `redirect to ${String(res.headers.location ?? "?")} not followed`
            : null;
        finish({ status: res.statusCode ?? null, body: truncated ? `${text}\n[… cut at 64 KiB]` : text, error: redirect });
      };
      res.on("data", (c: Buffer) => {
        if (size >= maxResponseExcerpt) return;
        const room = maxResponseExcerpt - size;
        chunks.push(c.length > room ? c.subarray(0, room) : c);
        size += Math.min(c.length, room);
        if (size >= maxResponseExcerpt) {
          done(true);
          res.destroy();
        }
      });
      res.on("end", () => done(false));
      res.on("error", (err) =>
        finish({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString("utf8"), error: err.message }),
      );
    });
    req.end(body);
  });
}
