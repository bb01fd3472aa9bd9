import { parsePublicId, publicId } from "@aspen/core";
import { z } from "zod";
import { claimCommands } from "../services/deviceApi/claimCommands";
import { respondCommand } from "../services/deviceApi/respondCommand";
import { authenticateDevice, deviceScopeOf } from "./auth";
import { recordDeviceErrors } from "./device-state";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { ids, readDeviceJson } from "./request";

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
  const claimed = await claimCommands(deviceScopeOf(req, device), { limit });
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
  if (!ref)
    throw new DeviceApiError(404, "not_found", "No such command: use the id (cmd_…) or requestId from GET /api/device/v1/commands.");
  const body = await readDeviceJson(req, device, route);
  const parsed = responseBody.safeParse(body.value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const reason = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
    await recordDeviceErrors([{ ...ids(device), kind: "payload", reason, topic: route, at: Date.now() }]);
    throw new DeviceApiError(400, "invalid_body", reason, details);
  }
  const outcome = await respondCommand(deviceScopeOf(req, device), { ref, ...parsed.data, route });
  if (outcome.kind === "missing") throw new DeviceApiError(404, "not_found", "This device has no such command.");
  const id = publicId("cmd", outcome.id);
  if (outcome.kind === "not_waiting") {
    throw new DeviceApiError(
      409,
      "command_not_waiting",
      `Command ${id} is not waiting for a response (it was never fetched, already answered, timed out or expired).`,
      { id, status: outcome.status },
    );
  }
  if (outcome.kind === "invalid") {
    throw new DeviceApiError(
      400,
      "invalid_values",
      `The result does not match the output of command "${outcome.method}" in the thing model: ${outcome.reason}`,
      outcome.errors,
    );
  }
  return json({ id, requestId: outcome.requestId, status: outcome.status });
}
