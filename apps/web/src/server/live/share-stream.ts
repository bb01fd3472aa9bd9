import { layoutSeriesKeys, parsePublicId, redisKeys, type DashboardLayout } from "@aspen/core";
import { getEnv } from "../../env";
import type { RequestMeta } from "../request-meta";
import { shareTokenInput } from "../services/dashboardShare/dto";
import { resolveShare } from "../services/dashboardShare/resolve";
import { getLiveHub, type LiveHub } from "./hub";
import { forSharedView } from "./messages";
import { liveError, liveEventStream } from "./sse";

export interface ShareStreamOptions {
  /** The share link's token, from the URL. */
  token: string;
  meta: RequestMeta;
  hub?: LiveHub;
  /** Comment line sent this often so proxies and the browser keep the connection (default 15 s). */
  heartbeatMs?: number;
  /** The link and its dashboard are checked again this often (default 30 s). */
  recheckMs?: number;
}

/** Open share streams of one link in this process, at most `maxStreamsPerShare` (a link is public: bound what it can hold open). */
const openPerShare = new Map<string, number>();
const maxStreamsPerShare = 50;

/** Device uuid → keys: the series `layout` reads, for filtering the tenant's channel. */
function seriesByUuid(layout: DashboardLayout): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [id, keys] of layoutSeriesKeys(layout)) {
    const uuid = parsePublicId("dev", id);
    if (uuid) out.set(uuid, keys);
  }
  return out;
}

const gone = () => liveError(404, "not_found", "Shared dashboard not found");

/**
 * `GET /api/live/share/<token>`: a shared dashboard's live updates as server-sent events, authorised
 * by the link's token alone (no session). Only the telemetry of the series its widgets read and its
 * devices' online state are sent — no other device, key or kind of message of the tenant. `event:
 * resync` when the dashboard was edited (the stream then follows the new layout), `event: revoked`
 * before closing when the link was revoked, the dashboard deleted or the tenant suspended; the
 * service that changes these announces it (ShareChangedMessage), and the link is re-checked every
 * `recheckMs` as well. Unknown, malformed or revoked token → 404, all alike.
 */
export async function handleShareLiveRequest(req: Request, opts: ShareStreamOptions): Promise<Response> {
  const token = shareTokenInput.safeParse(opts.token);
  if (!token.success) return gone();
  const found = await resolveShare(token.data, opts.meta);
  if (!found) return gone();
  const { shareId, dashboardId, tenant } = found.share;
  const open = openPerShare.get(shareId) ?? 0;
  if (open >= maxStreamsPerShare) return liveError(429, "rate_limited", "Too many open views of this link");
  openPerShare.set(shareId, open + 1);

  let series = seriesByUuid(found.layout);
  let version = found.version;
  const keys = redisKeys(getEnv().REDIS_PREFIX);
  const hub = opts.hub ?? getLiveHub();
  return liveEventStream({
    req,
    hub,
    channel: keys.live(tenant.id),
    select: (messages) => forSharedView(messages, series),
    check: async () => {
      const now = await resolveShare(token.data, opts.meta);
      if (!now || now.share.shareId !== shareId) return "revoked";
      if (now.version === version) return "ok";
      // Edited: follow the new layout's series; the browser reloads what it shows.
      series = seriesByUuid(now.layout);
      version = now.version;
      return "changed";
    },
    watch: (recheck) =>
      hub.watchShares(keys.shareChanged, dashboardId, (m) => {
        if (m.tenantId === tenant.id) recheck();
      }),
    recheckMs: opts.recheckMs ?? 30_000,
    heartbeatMs: opts.heartbeatMs,
    log: { tenantId: tenant.id, shareId },
    onClose: () => {
      const n = (openPerShare.get(shareId) ?? 1) - 1;
      if (n > 0) openPerShare.set(shareId, n);
      else openPerShare.delete(shareId);
    },
  });
}
