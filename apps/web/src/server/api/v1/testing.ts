import { parsePublicId, publicId, type ApiScope, type IdPrefix, type Severity } from "@aspen/core";
import { insertNotifications, raiseAlarm, withSystem } from "@aspen/db";
import { randomSuffix } from "@aspen/db/testing";
import { getSystemDb } from "../../db";
import { callerAs } from "../../testing";
import { handleApiRequest } from "./handler";

export const thingModel = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125 },
    { identifier: "target", name: "Target", type: "float", unit: "°C", min: 5, max: 30, access: "rw" },
  ],
  events: [],
  commands: [{ identifier: "reboot", name: "Reboot" }],
};

/** Creates an API key in the console (as `user`) and returns it. */
export async function makeKey(user: { id: string; email: string; name: string }, tenantSlug: string, scopes: ApiScope[], expiresAt?: Date) {
  const made = await callerAs(user).apiKey.create({ tenantSlug, name: `key-${randomSuffix()}`, scopes, expiresAt });
  return made;
}

/** Calls the /api/v1 handler in-process, as the route would. */
export async function rest(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  } else if (opts.rawBody !== undefined) {
    body = opts.rawBody as BodyInit;
    headers["content-type"] ??= "application/json";
  }
  const res = await handleApiRequest(new Request(`http://localhost:3000/api/v1${path}`, { method, headers, body }));
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

function uuidOf(prefix: IdPrefix, id: string): string {
  const uuid = parsePublicId(prefix, id);
  if (!uuid) throw new Error(`not a ${prefix} id: ${id}`);
  return uuid;
}

/**
 * Raises an active alarm of `ruleId` on `deviceId` (public ids) as the worker's evaluator would (no
 * operation raises one) and returns its public id.
 */
export async function raiseTestAlarm(
  tenantId: string,
  ids: { ruleId: string; deviceId: string; productId: string },
  opts: { severity?: Severity; at?: Date } = {},
): Promise<string> {
  const { alarm } = await withSystem(getSystemDb(), (tx) =>
    raiseAlarm(tx, {
      tenantId,
      ruleId: uuidOf("rul", ids.ruleId),
      deviceId: uuidOf("dev", ids.deviceId),
      productId: uuidOf("prd", ids.productId),
      severity: opts.severity ?? "major",
      title: "Hot",
      at: opts.at ?? new Date(),
      values: { temperature: 31 },
      dedupKey: `test-${randomSuffix()}`,
    }),
  );
  return publicId("alm", alarm.id);
}

/**
 * Notifies each of `userIds` in the tenant as the worker would (no operation creates one): one in-app
 * notification each, unread; returns their public ids in the same order.
 */
export async function notifyTest(tenantId: string, userIds: string[], title = "Hot"): Promise<string[]> {
  const sourceKey = `test-${randomSuffix()}`;
  const rows = await withSystem(getSystemDb(), (tx) =>
    insertNotifications(
      tx,
      userIds.map((userId) => ({ tenantId, userId, kind: "alarm" as const, severity: "major" as const, title, body: "", sourceKey })),
    ),
  );
  return userIds.map((u) => {
    const row = rows.find((r) => r.userId === u);
    if (!row) throw new Error(`no notification inserted for ${u}`);
    return publicId("ntf", row.id);
  });
}
