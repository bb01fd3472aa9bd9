/**
 * CSRF defence for the tRPC endpoint: a browser form from another site can
 * POST with a simple content type and the user's cookies. Mutations therefore
 * need `content-type: application/json` (which a form cannot send without a
 * CORS preflight) and an Origin that is ours: APP_URL's origin or the host the
 * request was addressed to.
 */
export function checkMutationRequest(req: Request, appUrl: string): { ok: true } | { ok: false; reason: string } {
  if (req.method !== "POST") return { ok: true };
  const contentType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") return { ok: false, reason: "content-type must be application/json" };
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return { ok: false, reason: "missing Origin header" };
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return { ok: false, reason: "malformed Origin header" };
  }
  if (originUrl.origin === new URL(appUrl).origin) return { ok: true };
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  if (host && originUrl.host === host.split(",")[0]!.trim()) return { ok: true };
  return { ok: false, reason: `cross-site request from ${originUrl.origin}` };
}
