import { can, redisKeys, type Role } from "@aspen/core";
import { findTenantMembership, withTenant } from "@aspen/db";
import { findDeviceLiveState } from "@aspen/db/device-data";
import { z } from "zod";
import { getEnv } from "../../env";
import { isSessionCurrent } from "../auth/session-state";
import { getDb, getSystemDb } from "../db";
import { publicIdInput } from "../public-ids";
import { getLiveHub, type LiveHub } from "./hub";
import { forConsole, liveTypes, type LiveFilter, type LiveType } from "./messages";
import { liveError, liveEventStream } from "./sse";

/** What `auth()` resolves to (only the parts the stream needs). */
export interface LiveSession {
  user?: { id?: string | null } | null;
  sessionVersion?: number;
  sessionId?: string;
}

export interface LiveStreamOptions {
  tenantSlug: string;
  getSession: () => Promise<LiveSession | null>;
  hub?: LiveHub;
  /** Comment line sent this often so proxies and the browser keep the connection (default 15 s). */
  heartbeatMs?: number;
  /** The session version and the membership are checked again this often (default 30 s). */
  recheckMs?: number;
}

const querySchema = z.object({
  tenantSlug: z.string().min(1).max(64),
  device: publicIdInput("dev").optional(),
  /** Several devices (a dashboard's): comma-separated `dev_…`, at most 50. */
  devices: z
    .string()
    .max(50 * 32)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const out = new Set<string>();
      for (const id of s.split(",")) {
        const parsed = publicIdInput("dev").safeParse(id.trim());
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", message: `Not a device id: ${id.slice(0, 40)} (expected dev_…)` });
          return z.NEVER;
        }
        out.add(parsed.data);
      }
      if (out.size > 50) {
        ctx.addIssue({ code: "custom", message: "At most 50 devices per stream" });
        return z.NEVER;
      }
      return out;
    }),
  types: z
    .string()
    .max(200)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(",").map((t) => t.trim());
      const bad = list.filter((t) => !(liveTypes as readonly string[]).includes(t));
      if (bad.length > 0) {
        ctx.addIssue({ code: "custom", message: `Unknown type ${bad.join(", ")} (use ${liveTypes.join(", ")})` });
        return z.NEVER;
      }
      return new Set(list as LiveType[]);
    }),
});

/**
 * `GET /api/live/<tenant>?device=dev_…&types=telemetry,presence` (or `devices=dev_a,dev_b`, a
 * dashboard's): the tenant's live updates as
 * server-sent events (`data:` = JSON array of ConsoleLiveMessage; `event: ready` once subscribed,
 * `event: resync` after Redis reconnected, `event: revoked` before closing when access ended).
 * Signed-out → 401; not a member (or no such tenant) → 404; role without `device.read` → 403.
 */
export async function handleLiveRequest(req: Request, opts: LiveStreamOptions): Promise<Response> {
  const session = await opts.getSession();
  const userId = session?.user?.id;
  if (!userId) return liveError(401, "unauthenticated", "Sign in to continue");
  const url = new URL(req.url);
  const query = querySchema.safeParse({
    tenantSlug: opts.tenantSlug,
    device: url.searchParams.get("device") ?? undefined,
    devices: url.searchParams.get("devices") ?? undefined,
    types: url.searchParams.get("types") ?? undefined,
  });
  if (!query.success) {
    const details = query.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return liveError(400, "invalid_input", `${details[0]!.path}: ${details[0]!.message}`, details);
  }
  const { tenantSlug, device, devices, types } = query.data;

  const allowed = async (): Promise<{ tenantId: string } | Response> => {
    const found = await findTenantMembership(getSystemDb(), tenantSlug, userId);
    if (!found) return liveError(404, "not_found", "Tenant not found");
    if (!can(found.role, "device.read")) {
      return liveError(403, "forbidden", `Your role (${found.role}) does not allow this (needs device.read). Ask an owner or admin.`);
    }
    return { tenantId: found.tenant.id };
  };
  const access = await allowed();
  if (access instanceof Response) return access;
  const { tenantId } = access;
  if (device) {
    const found = await withTenant(getDb(), tenantId, (tx) => findDeviceLiveState(tx, tenantId, device));
    if (!found) return liveError(404, "not_found", "Device not found");
  }

  const filter: LiveFilter = { deviceId: device, deviceIds: devices, types };
  const keys = redisKeys(getEnv().REDIS_PREFIX);
  const hub = opts.hub ?? getLiveHub();
  const sessionVersion = session?.sessionVersion;
  const sessionId = session?.sessionId;
  return liveEventStream({
    req,
    hub,
    channel: keys.live(tenantId),
    select: (messages) => forConsole(messages, filter),
    // The session revoked or the member removed ends the stream.
    check: async () => {
      const current = typeof sessionVersion === "number" ? await isSessionCurrent(userId, sessionVersion, sessionId) : true;
      const still = current ? await allowed() : null;
      return still && !(still instanceof Response) && still.tenantId === tenantId ? "ok" : "revoked";
    },
    watch: (recheck) =>
      hub.watchAccess(keys.accessChanged, userId, (m) => {
        if ((!m.tenantId || m.tenantId === tenantId) && (!m.sessionId || m.sessionId === sessionId)) recheck();
      }),
    recheckMs: opts.recheckMs ?? 30_000,
    heartbeatMs: opts.heartbeatMs,
    log: { tenantId },
  });
}
