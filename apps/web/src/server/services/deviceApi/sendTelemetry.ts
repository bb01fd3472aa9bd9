import { decodeTelemetryPoints, describeKeyErrors, parseTelemetryPayload } from "@aspen/core";
import { applyDeviceStats, insertDeviceErrors, insertTelemetryRows } from "@aspen/db/broker";
import { z } from "zod";
import { afterAccepted, publishLive, recordDeviceErrors } from "../../device-api/device-state";
import { loadProductModel } from "../../device-api/thing-models";
import { assertDevice, inTenant, type Scope } from "../scope";
import { keyErrorSchema } from "./_schemas";

export const sendTelemetryInput = z.object({
  /** The parsed JSON body: `{"k":v}`, `{"ts","values"}` or an array of those. */
  payload: z.unknown(),
  /** Body size, for usage metering. */
  bytes: z.number().int().min(0),
  /** Where it came from, for the device's "last errors". */
  route: z.string(),
});
export const sendTelemetryOutput = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(false), kind: z.literal("payload"), reason: z.string() }),
  z.object({
    ok: z.literal(true),
    accepted: z.object({ points: z.number().int(), values: z.number().int() }),
    /** Values refused key by key (the valid ones are stored all the same). */
    refused: z.array(keyErrorSchema),
    reason: z.string().nullable(),
  }),
]);

/**
 * Telemetry from a device (HTTP): validated against the product's thing model key by key, written
 * to Postgres with the device's stats, then latest values, usage and live updates in Redis.
 */
export async function sendTelemetry(
  scope: Scope,
  input: z.output<typeof sendTelemetryInput>,
): Promise<z.output<typeof sendTelemetryOutput>> {
  const device = assertDevice(scope);
  const ids = { tenantId: scope.tenant.id, deviceId: device.id };
  const now = Date.now();
  const parsed = parseTelemetryPayload(input.payload, now);
  if (!parsed.ok) {
    await recordDeviceErrors([{ ...ids, kind: "payload", reason: parsed.reason, topic: input.route, at: now }]);
    return { ok: false, kind: "payload", reason: parsed.reason };
  }
  const decoded = await inTenant(scope, async (tx) => {
    const product = await loadProductModel(tx, device.productId);
    if (!product) throw new Error(`product ${device.productId} of device ${device.id} not found`);
    const d = decodeTelemetryPoints(ids, product.compiled, parsed.points, Array.isArray(input.payload));
    await insertTelemetryRows(tx, d.rows);
    await applyDeviceStats(tx, [
      { deviceId: device.id, latest: d.latest, lastSeenAt: now, messages: d.rows.length > 0 ? 1 : 0, errors: d.errors.length > 0 ? 1 : 0 },
    ]);
    if (d.errors.length > 0) {
      await insertDeviceErrors(tx, [
        { ...ids, kind: "validation", reason: describeKeyErrors(d.errors).slice(0, 500), topic: input.route, at: now },
      ]);
    }
    return d;
  });
  if (decoded.rows.length > 0) {
    await afterAccepted({
      ...ids,
      bytes: input.bytes,
      points: decoded.rows.length,
      latest: decoded.latest,
      live: decoded.points.map((p) => ({ type: "telemetry", deviceId: device.id, ts: p.ts, values: p.values })),
      stream: { telemetry: decoded.points.map((p) => ({ ...ids, productId: device.productId, ts: p.ts, values: p.values })) },
    });
  }
  const reason = decoded.errors.length > 0 ? describeKeyErrors(decoded.errors) : null;
  if (reason) publishLive(scope.tenant.id, [{ type: "error", deviceId: device.id, kind: "validation", reason, at: now }]);
  return { ok: true, accepted: { points: decoded.points.length, values: decoded.rows.length }, refused: decoded.errors, reason };
}
