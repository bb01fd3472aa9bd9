import { publicId } from "@aspen/core";
import type { CommandRow } from "@aspen/db/device-data";

/**
 * A command for the console. `status`: queued (waiting for the device, until `expiresAt`) → sent
 * (`sentAt`; waits `timeoutMs` for the response) → succeeded | failed | timed_out (`completedAt`),
 * or expired while queued.
 */
export function toCommandDto(c: CommandRow) {
  return {
    id: publicId("cmd", c.id),
    deviceId: publicId("dev", c.deviceId),
    requestId: c.requestId,
    method: c.method,
    params: c.params,
    status: c.status,
    response: c.response ?? null,
    error: c.error,
    createdBy: c.createdBy ? publicId("usr", c.createdBy) : null,
    createdAt: c.createdAt,
    sentAt: c.sentAt,
    completedAt: c.completedAt,
    expiresAt: c.expiresAt,
    timeoutMs: c.timeoutMs,
  };
}
export type CommandDto = ReturnType<typeof toCommandDto>;

export const commandStatuses = ["queued", "sent", "succeeded", "failed", "timed_out", "expired"] as const;
