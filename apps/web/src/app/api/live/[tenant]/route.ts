import { auth } from "@/server/auth";
import { handleLiveRequest } from "@/server/live/stream";

export const dynamic = "force-dynamic";

/** The tenant's live updates for the console, as server-sent events (see `handleLiveRequest`). */
export async function GET(req: Request, { params }: { params: Promise<{ tenant: string }> }): Promise<Response> {
  const { tenant } = await params;
  return handleLiveRequest(req, { tenantSlug: tenant, getSession: () => auth() });
}
