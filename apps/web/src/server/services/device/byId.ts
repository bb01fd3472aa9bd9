import { mqttUsername } from "@aspen/core";
import { findDeviceById } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { deviceSchema, toDeviceDto } from "./dto";

export const getDeviceInput = z.object({ id: publicIdInput("dev") });
export const getDeviceOutput = deviceSchema.extend({ mqttUsername: z.string() });

/** One device (never its secret), with the MQTT username it connects with. */
export async function getDevice(scope: Scope, input: z.output<typeof getDeviceInput>): Promise<z.output<typeof getDeviceOutput>> {
  assertAllowed(scope, "device.read");
  const row = await inTenant(scope, (tx) => findDeviceById(tx, scope.tenant.id, input.id));
  if (!row) throw notFound("Device");
  return { ...toDeviceDto(row), mqttUsername: mqttUsername(scope.tenant.slug, row.name) };
}
