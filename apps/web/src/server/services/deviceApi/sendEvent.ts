import { decodeEvent } from "@aspen/core";
import { applyDeviceStats, insertDeviceEvents } from "@aspen/db/broker";
import { z } from "zod";
import { afterAccepted, recordDeviceErrors } from "../../device-api/device-state";
import { loadProductModel } from "../../device-api/thing-models";
import { assertDevice, inTenant, type Scope } from "../scope";
import { keyErrorSchema } from "./_schemas";

export const sendEventInput = z.object({
  event: z.string(),
  /** Its params, or `{"ts": ms, "params": {...}}`. */
  payload: z.unknown(),
  bytes: z.number().int().min(0),
  route: z.string(),
});
export const sendEventOutput = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), event: z.string(), ts: z.number().int() }),
  z.object({ ok: z.literal(false), kind: z.enum(["payload", "validation"]), reason: z.string(), errors: z.array(keyErrorSchema) }),
]);

/** A thing-model event from a device: checked against its declaration, stored once per (event, ts). */
export async function sendEvent(scope: Scope, input: z.output<typeof sendEventInput>): Promise<z.output<typeof sendEventOutput>> {
  const device = assertDevice(scope);
  const ids = { tenantId: scope.tenant.id, deviceId: device.id };
  const { event, route } = input;
  const now = Date.now();
  const outcome = await inTenant(scope, async (tx) => {
    const product = await loadProductModel(tx, device.productId);
    if (!product) throw new Error(`product ${device.productId} of device ${device.id} not found`);
    const decoded = decodeEvent(ids, product.compiled, product.eventLevels, event, input.payload, now);
    if (!decoded.ok) return decoded;
    await insertDeviceEvents(tx, [decoded.row]);
    await applyDeviceStats(tx, [{ deviceId: device.id, latest: {}, lastSeenAt: now, messages: 1, errors: 0 }]);
    return decoded;
  });
  if (!outcome.ok) {
    const reason =
      outcome.kind === "payload" ? outcome.reason : outcome.errors.map((e) => (e.key ? `${e.key}: ${e.reason}` : e.reason)).join("; ");
    const recorded = outcome.kind === "payload" ? reason : `event ${event}: ${reason}`;
    await recordDeviceErrors([{ ...ids, kind: outcome.kind, reason: recorded, topic: route, at: now }]);
    return { ok: false, kind: outcome.kind, reason, errors: outcome.errors };
  }
  const { ts, level, params } = outcome.row;
  await afterAccepted({
    ...ids,
    bytes: input.bytes,
    points: 0,
    latest: {},
    live: [{ type: "event", deviceId: device.id, event, level, ts, params }],
    stream: { events: [{ ...ids, productId: device.productId, ts, event, level, params }] },
  });
  return { ok: true, event, ts };
}
