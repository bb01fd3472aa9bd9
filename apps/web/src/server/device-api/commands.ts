import { parsePublicId, publicId } from "@aspen/core";
import { withTenant } from "@aspen/db";
import { applyDeviceStats, claimQueuedCommands, completeCommand } from "@aspen/db/broker";
import { findDeviceCommand } from "@aspen/db/device-data";
import { z } from "zod";
import { getDb } from "../db";
import { authenticateDevice } from "./auth";
import { publishLive, recordDeviceErrors } from "./device-state";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { ids, isPlainObject, readDeviceJson } from "./request";
import { loadProductModel } from "./thing-models";

const listRoute = "GET /api/device/v1/commands";

/**
 * `GET /api/device/v1/commands[?limit=10]`: the device's queued commands, oldest first, which are
 * marked `sent` (their response timeout starts now). Answer each with
 * `POST /api/device/v1/commands/<id>/response`.
 */
export async function handleGetCommands(req: Request): Promise<Response> {
  const device = await authenticateDevice(req, listRoute);
  await limitDevice(device.deviceId);
  const rawLimit = new URL(req.url).searchParams.get("limit");
  const limit = rawLimit === null ? 10 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    throw new DeviceApiError(400, "invalid_body", "limit must be a whole number from 1 to 50", [{ path: "limit", message: "1 to 50" }]);
  }
  const claimed = await withTenant(getDb(), device.tenantId, async (tx) => {
    const cmds = await claimQueuedCommands(tx, device.deviceId, limit);
    await applyDeviceStats(tx, [{ deviceId: device.deviceId, latest: {}, lastSeenAt: Date.now(), messages: 0, errors: 0 }]);
    return cmds;
  });
  publishLive(
    device.tenantId,
    claimed.map((c) => ({ type: "command", deviceId: device.deviceId, commandId: c.id, status: "sent" })),
  );
  return json({
    commands: claimed.map((c) => ({ id: publicId("cmd", c.id), requestId: c.requestId, method: c.method, params: c.params })),
  });
}

const responseBody = z.strictObject({
  status: z.enum(["succeeded", "failed"], { error: 'status must be "succeeded" or "failed"' }),
  result: z.unknown().optional(),
  error: z.string().max(500, "error must be at most 500 characters").optional(),
});

/** `cmd_…` or the numeric request id of the MQTT topic. */
function commandRef(id: string): { id: string } | { requestId: number } | null {
  if (/^[1-9][0-9]{0,9}$/.test(id)) {
    const n = Number(id);
    return n <= 2_147_483_647 ? { requestId: n } : null;
  }
  const uuid = parsePublicId("cmd", id);
  return uuid ? { id: uuid } : null;
}

/**
 * `POST /api/device/v1/commands/<id>/response` with `{ status, result?, error? }`: completes a sent
 * command. A successful result that is an object is checked against the command's declared output
 * (400 with per-key reasons, the command stays open); 409 when the command is not waiting any more.
 */
export async function handleCommandResponse(req: Request, rawId: string): Promise<Response> {
  const route = "POST /api/device/v1/commands/<id>/response";
  const device = await authenticateDevice(req, route);
  await limitDevice(device.deviceId);
  const ref = commandRef(rawId);
  if (!ref) throw new DeviceApiError(404, "not_found", "No such command: use the id (cmd_…) or requestId from GET /api/device/v1/commands.");
  const body = await readDeviceJson(req, device, route);
  const parsed = responseBody.safeParse(body.value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const reason = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
    await recordDeviceErrors([{ ...ids(device), kind: "payload", reason, topic: route, at: Date.now() }]);
    throw new DeviceApiError(400, "invalid_body", reason, details);
  }
  const { status, result, error } = parsed.data;
  const outcome = await withTenant(getDb(), device.tenantId, async (tx) => {
    const cmd = await findDeviceCommand(tx, device.deviceId, ref);
    if (!cmd) return { kind: "missing" as const };
    if (cmd.status !== "sent") return { kind: "not_waiting" as const, cmd };
    let response: unknown = result ?? null;
    if (status === "succeeded" && isPlainObject(result)) {
      const output = (await loadProductModel(tx, device.productId))?.compiled.commandOutput(cmd.method);
      if (output) {
        const checked = output.safeParse(result);
        if (!checked.success) {
          return {
            kind: "invalid" as const,
            cmd,
            errors: checked.error.issues.map((i) => ({ key: i.path.join("."), reason: i.message })),
          };
        }
        response = checked.data;
      }
    }
    const done = await completeCommand(tx, cmd.id, {
      status,
      response,
      error: status === "failed" ? (error ?? "the device reported a failure") : null,
    });
    await applyDeviceStats(tx, [{ deviceId: device.deviceId, latest: {}, lastSeenAt: Date.now(), messages: 1, errors: 0 }]);
    return done ? { kind: "done" as const, cmd } : { kind: "not_waiting" as const, cmd };
  });
  if (outcome.kind === "missing") throw new DeviceApiError(404, "not_found", "This device has no such command.");
  const id = publicId("cmd", outcome.cmd.id);
  if (outcome.kind === "not_waiting") {
    throw new DeviceApiError(
      409,
      "command_not_waiting",
      `Command ${id} is not waiting for a response (it was never fetched, already answered, timed out or expired).`,
      { id, status: outcome.cmd.status === "sent" ? "answered" : outcome.cmd.status },
    );
  }
  if (outcome.kind === "invalid") {
    const reason = outcome.errors.map((e) => (e.key ? `${e.key}: ${e.reason}` : e.reason)).join("; ");
    await recordDeviceErrors([{ ...ids(device), kind: "validation", reason: `command ${outcome.cmd.method} result: ${reason}`, topic: route, at: Date.now() }]);
    throw new DeviceApiError(
      400,
      "invalid_values",
      `The result does not match the output of command "${outcome.cmd.method}" in the thing model: ${reason}`,
      outcome.errors,
    );
  }
  publishLive(device.tenantId, [{ type: "command", deviceId: device.deviceId, commandId: outcome.cmd.id, status }]);
  return json({ id, requestId: outcome.cmd.requestId, status });
}
