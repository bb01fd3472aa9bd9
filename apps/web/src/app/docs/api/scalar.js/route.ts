import { scalarBundle } from "../../../../server/docs/scalar-bundle";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return new Response(new Uint8Array(await scalarBundle()), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
