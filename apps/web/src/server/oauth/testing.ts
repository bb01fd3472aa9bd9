import { GET as metadata } from "../../app/.well-known/oauth-authorization-server/route";
import { handleApiRequest } from "../api/v1/handler";
import { createDecisionHandler } from "./decision-endpoint";
import { handleIntrospect } from "./introspect-endpoint";
import { handleRevoke } from "./revoke-endpoint";
import { handleToken } from "./token-endpoint";

/**
 * A fetch that serves the authorization server's and the REST API's routes in-process, as Next would,
 * for a real OAuth client (oauth4webapi) in integration tests. The consent POST acts as `user`.
 */
export function inProcessFetch(user: () => { id: string; email: string } | null) {
  const decision = createDecisionHandler(async () => user());
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input, init);
    const path = new URL(req.url).pathname;
    if (path === "/.well-known/oauth-authorization-server") return metadata();
    if (path === "/oauth/token") return handleToken(req);
    if (path === "/oauth/revoke") return handleRevoke(req);
    if (path === "/oauth/introspect") return handleIntrospect(req);
    if (path === "/oauth/authorize/decision") return decision(req);
    if (path.startsWith("/api/v1/")) return handleApiRequest(req);
    return new Response("not found", { status: 404 });
  };
}
