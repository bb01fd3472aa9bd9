import { publicId } from "@aspen/core";
import { insertCommand } from "@aspen/db/device-data";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { publishLive } from "../../device-api/device-state";
import { notifyCommandQueued } from "../../device-api/notify";
import { appError, type FieldIssue } from "../../errors";
import { deviceInput, requireDeviceModel } from "../device/require";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { commandSchema, toCommandDto, type CommandDto } from "./dto";

export const defaultTtlSeconds = 86_400;

export const sendCommandInput = z.object({
  ...deviceInput,
  /** A command identifier of the product's thing model. */
  method: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).default({}),
  /** How long to wait for the response once sent. */
  timeoutMs: z.int().min(1000).max(600_000).default(30_000),
  /** How long an offline device may take to come and get it. */
  ttlSeconds: z
    .int()
    .min(10)
    .max(30 * 86_400)
    .default(defaultTtlSeconds),
});
export const sendCommandOutput = commandSchema;

/**
 * Sends a thing-model command to a device: params validated against the command's input, a
 * `queued` row with the device's next request id, then the brokers are told (the one holding the
 * device sends it on `v1/devices/me/rpc/request/<requestId>`; an offline device gets it when it
 * reconnects, until `ttlSeconds`). The response must arrive within `timeoutMs` of sending.
 */
export async function sendCommand(scope: Scope, input: z.output<typeof sendCommandInput>): Promise<CommandDto> {
  assertAllowed(scope, "device.command");
  const { command, deviceName } = await inTenant(scope, async (tx) => {
    const { device, product } = await requireDeviceModel(tx, scope.tenant.id, input.deviceId);
    if (!device.enabled) {
      throw appError("PRECONDITION_FAILED", "device_disabled", "This device is disabled: enable it before sending it commands");
    }
    const schema = product.compiled.commandInput(input.method);
    if (!schema) {
      const known = product.model.commands.map((c) => c.identifier);
      throw appError(
        "BAD_REQUEST",
        "unknown_command",
        `"${input.method}" is not a command of this product${known.length ? ` (commands: ${known.join(", ")})` : " (its thing model declares none)"}`,
        [{ path: "method", message: "Not a command of this product's thing model" }],
      );
    }
    const parsed = schema.safeParse(input.params);
    if (!parsed.success) {
      const issues: FieldIssue[] = parsed.error.issues.flatMap((i): FieldIssue[] =>
        i.code === "unrecognized_keys"
          ? i.keys.map((k) => ({ path: `params.${k}`, message: `Not a parameter of command ${input.method}` }))
          : [{ path: ["params", ...i.path.map(String)].join("."), message: i.message }],
      );
      const first = issues[0];
      throw appError("BAD_REQUEST", "invalid_params", first ? `${first.path}: ${first.message}` : "Invalid params", issues);
    }
    const command = await insertCommand(tx, {
      tenantId: scope.tenant.id,
      deviceId: device.id,
      method: input.method,
      params: parsed.data,
      createdBy: actingUserId(scope),
      ttlSeconds: input.ttlSeconds,
      timeoutMs: input.timeoutMs,
    });
    return { command, deviceName: device.name };
  });
  await notifyCommandQueued({ tenantId: scope.tenant.id, deviceId: command.deviceId, commandId: command.id });
  publishLive(scope.tenant.id, [{ type: "command", deviceId: command.deviceId, commandId: command.id, status: "queued" }]);
  const dto = toCommandDto(command);
  await recordAudit(auditOf(scope), {
    action: "device.command",
    targetType: "device",
    targetId: publicId("dev", command.deviceId),
    targetName: deviceName,
    details: { command: dto.id, method: command.method, params: command.params, requestId: command.requestId },
  });
  return dto;
}
