import { publicId } from "@aspen/core";
import type { CommandRow } from "@aspen/db/device-data";
import { z } from "zod";

export const commandStatuses = ["queued", "sent", "succeeded", "failed", "timed_out", "expired"] as const;

/**
 * A command for the console. `status`: queued (waiting for the device, until `expiresAt`) → sent
 * (`sentAt`; waits `timeoutMs` for the response) → succeeded | failed | timed_out (`completedAt`),
 * or expired while queued.
 */
export const commandSchema = z.object({
  id: z.string().meta({ example: "cmd_9xK2mQ7vT4bN1cR8sLpZ3w" }),
  deviceId: z.string(),
  /** The `<id>` of `v1/devices/me/rpc/request/<id>`. */
  requestId: z.number().int(),
  method: z.string(),
  params: z.record(z.string(), z.unknown()),
  status: z.enum(commandStatuses),
  /** What the device answered (any JSON), null until it did. */
  response: z.json().nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  expiresAt: z.date(),
  timeoutMs: z.number().int(),
});
export type CommandDto = z.infer<typeof commandSchema>;

export function toCommandDto(c: CommandRow): CommandDto {
  return {
    id: publicId("cmd", c.id),
    deviceId: publicId("dev", c.deviceId),
    requestId: c.requestId,
    method: c.method,
    params: c.params,
    status: c.status,
    response: (c.response ?? null) as CommandDto["response"],
    error: c.error,
    createdBy: c.createdBy ? publicId("usr", c.createdBy) : null,
    createdAt: c.createdAt,
    sentAt: c.sentAt,
    completedAt: c.completedAt,
    expiresAt: c.expiresAt,
    timeoutMs: c.timeoutMs,
  };
}
