import { can, redisKeys, type Role } from "@aspen/core";
import { findTenantMembership, withTenant } from "@aspen/db";
import { findDeviceLiveState } from "@aspen/db/device-data";
import { z } from "zod";
import { getEnv } from "../../env";
import { isSessionCurrent } from "../auth/session-state";
import { getDb, getSystemDb } from "../db";
import { json } from "../device-api/http";
import { logger } from "../logger";
import { metrics } from "../metrics";
import { publicIdInput } from "../public-ids";
import { getLiveHub, type LiveHub } from "./hub";
import { forConsole, liveTypes, type LiveFilter, type LiveType } from "./messages";

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

const fail = (status: number, code: string, message: string, details: unknown = null) =>
  json({ error: { code, message, details } }, status);

/** Slow readers are cut off rather than buffered without end (chunks waiting in the stream). */
const maxQueuedChunks = 1000;

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
  if (!userId) return fail(401, "unauthenticated", "Sign in to continue");
  const url = new URL(req.url);
  const query = querySchema.safeParse({
    tenantSlug: opts.tenantSlug,
    device: url.searchParams.get("device") ?? undefined,
    devices: url.searchParams.get("devices") ?? undefined,
    types: url.searchParams.get("types") ?? undefined,
  });
  if (!query.success) {
    const details = query.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return fail(400, "invalid_input", `${details[0]!.path}: ${details[0]!.message}`, details);
  }
  const { tenantSlug, device, devices, types } = query.data;

  const allowed = async (): Promise<{ tenantId: string } | Response> => {
    const found = await findTenantMembership(getSystemDb(), tenantSlug, userId);
    if (!found) return fail(404, "not_found", "Tenant not found");
    if (!can(found.role, "device.read")) {
      return fail(403, "forbidden", `Your role (${found.role}) does not allow this (needs device.read). Ask an owner or admin.`);
    }
    return { tenantId: found.tenant.id };
  };
  const access = await allowed();
  if (access instanceof Response) return access;
  const { tenantId } = access;
  if (device) {
    const found = await withTenant(getDb(), tenantId, (tx) => findDeviceLiveState(tx, tenantId, device));
    if (!found) return fail(404, "not_found", "Device not found");
  }

  const filter: LiveFilter = { deviceId: device, deviceIds: devices, types };
  const channel = redisKeys(getEnv().REDIS_PREFIX).live(tenantId);
  const hub = opts.hub ?? getLiveHub();
  const sessionVersion = session?.sessionVersion;
  const sessionId = session?.sessionId;
  const encoder = new TextEncoder();
  let stop = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let stopped = false;
      const timers: ReturnType<typeof setInterval>[] = [];
      const onStop: (() => void)[] = [];
      const send = (chunk: string) => {
        if (stopped) return;
        if ((controller.desiredSize ?? 0) < -maxQueuedChunks) {
          logger.warn({ tenantId }, "live stream reader too slow: closing it");
          stop();
          return;
        }
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          stop();
        }
      };
      const subscription = hub.subscribe(channel, {
        message: (messages) => {
          const msgs = forConsole(messages, filter);
          if (msgs.length > 0) send(`data: ${JSON.stringify(msgs)}\n\n`);
        },
        resync: () => send("event: resync\ndata: {}\n\n"),
      });
      metrics().liveStreams.inc();
      stop = () => {
        if (stopped) return;
        stopped = true;
        for (const t of timers) clearInterval(t);
        for (const f of onStop) f();
        subscription.close();
        metrics().liveStreams.dec();
        req.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          /* already closed or cancelled */
        }
      };
      req.signal.addEventListener("abort", stop);
      if (req.signal.aborted) return stop();

      send("retry: 3000\n: connected\n\n");
      timers.push(setInterval(() => send(": ping\n\n"), opts.heartbeatMs ?? 15_000));
      // A long-lived stream must end when the session is revoked or the member removed: checked
      // at once when an access change for the user is announced over Redis (every web instance
      // hears it), and every `recheckMs` in case that message was lost.
      let checking = false;
      let again = false;
      const recheck = () => {
        if (stopped) return;
        // A change announced while a check runs may not be seen by it: check once more after it.
        if (checking) return void (again = true);
        checking = true;
        void (async () => {
          const current = typeof sessionVersion === "number" ? await isSessionCurrent(userId, sessionVersion, sessionId) : true;
          const still = current ? await allowed() : null;
          if (still && !(still instanceof Response) && still.tenantId === tenantId) return;
          send("event: revoked\ndata: {}\n\n");
          stop();
        })()
          .catch((err: unknown) => logger.warn({ err: (err as Error).message }, "live stream: access re-check failed"))
          .finally(() => {
            checking = false;
            if (again) {
              again = false;
              recheck();
            }
          });
      };
      const watch = hub.watchAccess(redisKeys(getEnv().REDIS_PREFIX).accessChanged, userId, (m) => {
        if ((!m.tenantId || m.tenantId === tenantId) && (!m.sessionId || m.sessionId === sessionId)) recheck();
      });
      onStop.push(() => watch.close());
      timers.push(setInterval(recheck, opts.recheckMs ?? 30_000));
      Promise.all([subscription.ready, watch.ready]).then(
        () => send("event: ready\ndata: {}\n\n"),
        () => stop(),
      );
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression (Next's and proxies') from buffering the stream.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
