import { metrics } from "@/server/metrics";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this web process. */
export async function GET(): Promise<Response> {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
