import { isTimeZone, maxSeries, propertyDecimals, publicId, rangeIssue, type Property } from "@aspen/core";
import { findTenantById, type Tx } from "@aspen/db";
import { z } from "zod";
import { appError } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { requireDeviceModel } from "../device/require";

/** `from`/`to` of every history request: both required (ISO strings, dates or ms). */
export const rangeShape = {
  from: z.coerce.date({ error: "The range needs a start (from)" }),
  to: z.coerce.date({ error: "The range needs an end (to)" }),
};

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, { error: "Unknown time zone: use an IANA name such as Europe/Berlin or UTC" })
  .default("UTC");

export const seriesRefSchema = z.object({ deviceId: publicIdInput("dev"), key: z.string().min(1).max(128) });

export const seriesListSchema = z
  .array(seriesRefSchema)
  .min(1, { error: "Pick at least one property" })
  .max(maxSeries, { error: `At most ${maxSeries} series per request: pick fewer properties or devices` });

/** Refuses a range that is unbounded, inverted, too far ahead or older than the tenant keeps data. */
export async function assertRange(tx: Tx, tenantId: string, from: Date, to: Date): Promise<number> {
  const tenant = await findTenantById(tx, tenantId);
  const retentionDays = tenant?.retentionDays ?? 30;
  const issue = rangeIssue(from.getTime(), to.getTime(), Date.now(), retentionDays);
  if (issue) throw appError("BAD_REQUEST", issue.reason, issue.message, [{ path: issue.path, message: issue.message }]);
  return retentionDays;
}

export interface ResolvedSeries {
  deviceUuid: string;
  deviceId: string;
  deviceName: string;
  key: string;
  property: Property;
  decimals: number;
}

/**
 * Each (device, key) as a declared property of the device's product: NOT_FOUND for a device outside
 * the tenant, BAD_REQUEST `unknown_key` naming the key for one the thing model does not declare.
 */
export async function resolveSeries(
  tx: Tx,
  tenantId: string,
  refs: readonly { deviceId: string; key: string }[],
): Promise<ResolvedSeries[]> {
  // Each device and its model once, all asked for at once (one pipelined write on the transaction's connection),
  // then the refs checked in order: the first failing one (missing device or unknown key) is the error.
  const ids = [...new Set(refs.map((r) => r.deviceId))];
  const lookups = new Map(ids.map((id) => [id, requireDeviceModel(tx, tenantId, id)]));
  await Promise.allSettled(lookups.values());
  const out: ResolvedSeries[] = [];
  for (const [i, ref] of refs.entries()) {
    const m = await lookups.get(ref.deviceId);
    if (!m) throw new Error(`device ${ref.deviceId} was not looked up`);
    const property = m.product.model.properties.find((p) => p.identifier === ref.key);
    if (!property) {
      const known = m.product.model.properties.map((p) => p.identifier).join(", ") || "none";
      throw appError("BAD_REQUEST", "unknown_key", `Device ${m.device.name} has no property "${ref.key}" (its properties: ${known})`, [
        { path: `series.${i}.key`, message: `Unknown key "${ref.key}"` },
      ]);
    }
    out.push({
      deviceUuid: ref.deviceId,
      deviceId: publicId("dev", ref.deviceId),
      deviceName: m.device.name,
      key: ref.key,
      property,
      decimals: propertyDecimals(property),
    });
  }
  return out;
}
