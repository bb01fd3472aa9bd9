import { handleShareLiveRequest } from "../../../../../server/live/share-stream";
import { requestMeta } from "../../../../../server/request-meta";

export const dynamic = "force-dynamic";

/** A shared dashboard's live updates, as server-sent events; the link's token is all it needs (see `handleShareLiveRequest`). */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return handleShareLiveRequest(req, { token, meta: requestMeta(req.headers) });
}
