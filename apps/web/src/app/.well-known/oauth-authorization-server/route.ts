import { authorizationServerMetadata } from "../../../server/oauth/metadata";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(authorizationServerMetadata(), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
