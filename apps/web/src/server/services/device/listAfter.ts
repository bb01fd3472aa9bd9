import { listDevicesAfter as queryDevicesAfter } from "@aspen/db";
import { type z } from "zod";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { deviceSchema, toDeviceDto } from "./dto";
import { listDevicesInput } from "./list";

/** The filters of `listDevices`, paged by cursor (keyset) instead of page number. */
export const listDevicesAfterInput = listDevicesInput
  .omit({ page: true, pageSize: true })
  .extend({ limit: cursorLimit, startingAfter: publicIdInput("dev").optional() });
export const listDevicesAfterOutput = cursorPageOf(deviceSchema);

/** Devices newest first, `limit` after the device `startingAfter` (stable while devices are added). */
export async function listDevicesAfter(
  scope: Scope,
  input: z.output<typeof listDevicesAfterInput>,
): Promise<z.output<typeof listDevicesAfterOutput>> {
  assertAllowed(scope, "device.read");
  const { startingAfter, ...filter } = input;
  const page = await inTenant(scope, (tx) => queryDevicesAfter(tx, scope.tenant.id, { ...filter, after: startingAfter }));
  if (!page.cursorFound) throw unknownCursor("device");
  const items = page.items.map(toDeviceDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
