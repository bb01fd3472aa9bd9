import { auth } from "@/server/auth";
import { handleExportDownload } from "@/server/services/export/download";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Downloads a telemetry export (streamed from Postgres, or the worker's file): see `handleExportDownload`. */
export async function GET(req: Request, { params }: { params: Promise<{ tenant: string; id: string }> }): Promise<Response> {
  const { tenant, id } = await params;
  return handleExportDownload(req, { tenantSlug: tenant, exportId: id, getSession: () => auth() });
}
