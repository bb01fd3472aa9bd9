import { findCommandById } from "@aspen/db/device-data";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { commandSchema, toCommandDto, type CommandDto } from "./dto";

export const getCommandInput = z.object({ id: publicIdInput("cmd") });
export const getCommandOutput = commandSchema;

/** One command (`cmd_…`) of the tenant. */
export async function getCommand(scope: Scope, input: z.output<typeof getCommandInput>): Promise<CommandDto> {
  assertAllowed(scope, "device.read");
  const row = await inTenant(scope, (tx) => findCommandById(tx, scope.tenant.id, input.id));
  if (!row) throw notFound("Command");
  return toCommandDto(row);
}
