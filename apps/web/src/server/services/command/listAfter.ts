import { listCommandsAfter as queryCommandsAfter } from "@aspen/db/device-data";
import { type z } from "zod";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { requireDevice } from "../device/require";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { commandSchema, toCommandDto } from "./dto";
import { listCommandsInput } from "./list";

/** The filters of `listCommands`, paged by cursor (keyset) instead of page number. */
export const listCommandsAfterInput = listCommandsInput
  .omit({ page: true, pageSize: true })
  .extend({ limit: cursorLimit, startingAfter: publicIdInput("cmd").optional() });
export const listCommandsAfterOutput = cursorPageOf(commandSchema);

/** A device's commands newest first, `limit` after the command `startingAfter`. */
export async function listCommandsAfter(
  scope: Scope,
  input: z.output<typeof listCommandsAfterInput>,
): Promise<z.output<typeof listCommandsAfterOutput>> {
  assertAllowed(scope, "device.read");
  const { startingAfter, deviceId, ...filter } = input;
  const page = await inTenant(scope, async (tx) => {
    await requireDevice(tx, scope.tenant.id, deviceId);
    return queryCommandsAfter(tx, scope.tenant.id, deviceId, { ...filter, after: startingAfter });
  });
  if (!page.cursorFound) throw unknownCursor("command");
  const items = page.items.map(toCommandDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
