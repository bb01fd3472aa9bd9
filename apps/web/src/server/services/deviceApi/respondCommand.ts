import { applyDeviceStats, completeCommand } from "@aspen/db/broker";
import { findDeviceCommand } from "@aspen/db/device-data";
import { z } from "zod";
import { afterCommandResult, recordDeviceErrors } from "../../device-api/device-state";
import { loadProductModel } from "../../device-api/thing-models";
import { assertDevice, inTenant, type Scope } from "../scope";
import { keyErrorSchema } from "./_schemas";

export const respondCommandInput = z.object({
  ref: z.union([z.object({ id: z.uuid() }), z.object({ requestId: z.number().int() })]),
  status: z.enum(["succeeded", "failed"]),
  result: z.unknown().optional(),
  error: z.string().max(500).optional(),
  route: z.string(),
});
export const respondCommandOutput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("missing") }),
  z.object({ kind: z.literal("not_waiting"), id: z.uuid(), status: z.string() }),
  z.object({ kind: z.literal("invalid"), id: z.uuid(), method: z.string(), reason: z.string(), errors: z.array(keyErrorSchema) }),
  z.object({ kind: z.literal("done"), id: z.uuid(), requestId: z.number().int(), status: z.enum(["succeeded", "failed"]) }),
]);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A device's answer to a sent command: a successful result that is an object is checked against the
 * command's declared output (the command stays open when it does not match).
 */
export async function respondCommand(
  scope: Scope,
  input: z.output<typeof respondCommandInput>,
): Promise<z.output<typeof respondCommandOutput>> {
  const device = assertDevice(scope);
  const { status, result, error } = input;
  const outcome = await inTenant(scope, async (tx) => {
    const cmd = await findDeviceCommand(tx, device.id, input.ref);
    if (!cmd) return { kind: "missing" as const };
    if (cmd.status !== "sent") return { kind: "not_waiting" as const, cmd };
    let response: unknown = result ?? null;
    if (status === "succeeded" && isPlainObject(result)) {
      const output = (await loadProductModel(tx, device.productId))?.compiled.commandOutput(cmd.method);
      if (output) {
        const checked = output.safeParse(result);
        if (!checked.success) {
          return { kind: "invalid" as const, cmd, errors: checked.error.issues.map((i) => ({ key: i.path.join("."), reason: i.message })) };
        }
        response = checked.data;
      }
    }
    const done = await completeCommand(tx, cmd.id, {
      status,
      response,
      error: status === "failed" ? (error ?? "the device reported a failure") : null,
    });
    await applyDeviceStats(tx, [{ deviceId: device.id, latest: {}, lastSeenAt: Date.now(), messages: 1, errors: 0 }]);
    return done ? { kind: "done" as const, cmd } : { kind: "not_waiting" as const, cmd };
  });
  if (outcome.kind === "missing") return outcome;
  const id = outcome.cmd.id;
  if (outcome.kind === "not_waiting")
    return { kind: "not_waiting", id, status: outcome.cmd.status === "sent" ? "answered" : outcome.cmd.status };
  if (outcome.kind === "invalid") {
    const reason = outcome.errors.map((e) => (e.key ? `${e.key}: ${e.reason}` : e.reason)).join("; ");
    await recordDeviceErrors([
      {
        tenantId: scope.tenant.id,
        deviceId: device.id,
        kind: "validation",
        reason: `command ${outcome.cmd.method} result: ${reason}`,
        topic: input.route,
        at: Date.now(),
      },
    ]);
    return { kind: "invalid", id, method: outcome.cmd.method, reason, errors: outcome.errors };
  }
  await afterCommandResult({ tenantId: scope.tenant.id, deviceId: device.id, commandId: id, ts: Date.now(), status });
  return { kind: "done", id, requestId: outcome.cmd.requestId, status };
}
