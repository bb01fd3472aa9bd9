import { jsonTooDeep } from "@aspen/core";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_TRPC_BODY_BYTES, readBodyCapped } from "./limits/request-body";
import { logger } from "./logger";
import { checkMutationRequest } from "./origin-guard";
import { appRouter } from "./routers/_app";
import { createTRPCContext } from "./trpc";

type SessionLike = Parameters<typeof createTRPCContext>[0]["session"];

/** Most calls one batched request may carry (the client's httpBatchLink uses the same). */
export const MAX_TRPC_BATCH = 10;

function refuse(status: number, code: string, reason: string, message: string): Response {
  return Response.json({ error: { code, reason, message } }, { status });
}

/**
 * Serves `/api/trpc/*`: refuses cross-site mutations (403) before anything
 * else, bodies over 1 MiB (413) before reading them whole, JSON nested deeper
 * than core's limit (400) before parsing it, batches of more than
 * MAX_TRPC_BATCH calls (400); then runs the router with the session
 * `getSession` resolves.
 */
export async function handleTrpcRequest(req: Request, opts: { appUrl: string; getSession: () => Promise<SessionLike> }): Promise<Response> {
  const guard = checkMutationRequest(req, opts.appUrl);
  if (!guard.ok) {
    logger.warn({ reason: guard.reason, url: req.url }, "refused tRPC request");
    return Response.json(
      { error: { code: "FORBIDDEN", reason: "cross_site_request", message: `Request refused: ${guard.reason}` } },
      { status: 403 },
    );
  }
  const read = await readBodyCapped(req, MAX_TRPC_BODY_BYTES);
  if (!read.ok)
    return refuse(413, "PAYLOAD_TOO_LARGE", "payload_too_large", `Request bodies are limited to ${MAX_TRPC_BODY_BYTES / 1024 / 1024} MiB.`);
  const text = new TextDecoder().decode(read.body);
  const input = new URL(req.url).searchParams.get("input") ?? "";
  if (jsonTooDeep(text) || jsonTooDeep(input)) return refuse(400, "BAD_REQUEST", "json_too_deep", "The input is nested too deeply.");
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const buffered = new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body: hasBody ? read.body : undefined,
    signal: req.signal,
  });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: buffered,
    maxBatchSize: MAX_TRPC_BATCH,
    router: appRouter,
    createContext: async () => createTRPCContext({ headers: req.headers, session: await opts.getSession() }),
  });
}
