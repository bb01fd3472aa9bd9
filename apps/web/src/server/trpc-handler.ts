import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { logger } from "./logger";
import { checkMutationRequest } from "./origin-guard";
import { appRouter } from "./routers/_app";
import { createTRPCContext } from "./trpc";

type SessionLike = Parameters<typeof createTRPCContext>[0]["session"];

/**
 * Serves `/api/trpc/*`: refuses cross-site mutations (403) before anything
 * else, then runs the router with the session `getSession` resolves.
 */
export async function handleTrpcRequest(
  req: Request,
  opts: { appUrl: string; getSession: () => Promise<SessionLike> },
): Promise<Response> {
  const guard = checkMutationRequest(req, opts.appUrl);
  if (!guard.ok) {
    logger.warn({ reason: guard.reason, url: req.url }, "refused tRPC request");
    return Response.json(
      { error: { code: "FORBIDDEN", reason: "cross_site_request", message: `Request refused: ${guard.reason}` } },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createTRPCContext({ headers: req.headers, session: await opts.getSession() }),
  });
}
