import { historyRawPage } from "@aspen/db/history";
import { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { assertRange, rangeShape, resolveSeries } from "./history-scope";

export const telemetryRawInput = z.object({
  deviceId: publicIdInput("dev"),
  key: z.string().min(1).max(128),
  ...rangeShape,
  /** Cursor from the previous page's `next`. */
  before: z.number().int().optional(),
  pageSize: z.number().int().min(1).max(500).default(50),
});

export const telemetryRawOutput = z.object({
  key: z.string(),
  unit: z.string().nullable(),
  type: z.string(),
  decimals: z.number(),
  items: z.array(z.object({ ts: z.number(), value: z.union([z.number(), z.boolean(), z.string()]).nullable() })),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.number().nullable(),
});

/** A page of one device key's stored values in the range, newest first, with a cursor to older ones. */
export async function listTelemetryRaw(
  scope: Scope,
  input: z.output<typeof telemetryRawInput>,
): Promise<z.output<typeof telemetryRawOutput>> {
  assertAllowed(scope, "device.read");
  const tenantId = scope.tenant.id;
  return inTenant(scope, async (tx) => {
    await assertRange(tx, tenantId, input.from, input.to);
    const [s] = await resolveSeries(tx, tenantId, [{ deviceId: input.deviceId, key: input.key }]);
    const page = await historyRawPage(tx, tenantId, {
      deviceId: input.deviceId,
      key: input.key,
      from: input.from,
      to: input.to,
      before: input.before,
      limit: input.pageSize,
    });
    return { key: input.key, unit: s!.property.unit ?? null, type: s!.property.type, decimals: s!.decimals, ...page };
  });
}
