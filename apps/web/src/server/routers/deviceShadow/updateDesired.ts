import { publicId, type CompiledThingModel, type ThingModel } from "@aspen/core";
import { updateDesiredAttributes } from "@aspen/db/device-data";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { publishLive } from "../../device-api/device-state";
import { notifyDesiredChanged } from "../../device-api/notify";
import { appError, notFound, type FieldIssue } from "../../errors";
import { requirePermission, tenantProcedure } from "../../trpc";
import { deviceInput, requireDeviceModel } from "../telemetry/_device";
import { toShadowDto } from "./_dto";

/** Checks each desired value on its own, so the console can mark every bad field at once. */
export function desiredIssues(model: ThingModel, compiled: CompiledThingModel, values: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const result = compiled.desired.safeParse({ [key]: value });
    if (result.success) continue;
    const property = model.properties.find((p) => p.identifier === key);
    const message = !property
      ? "Not a property of this product's thing model"
      : property.access !== "rw"
        ? "Read-only property (access r): only the device reports it"
        : (result.error.issues[0]?.message ?? "Invalid value");
    issues.push({ path: `desired.${key}`, message });
  }
  return issues;
}

/**
 * Sets desired attributes: a patch merged into the shadow (`null` deletes a key), validated against
 * the product's writable (`rw`) properties, version bumped; then the broker holding the device pushes
 * the desired state on `v1/devices/me/attributes` (and again when it reconnects).
 * `expectedVersion` makes the update conditional (CONFLICT when the shadow moved on).
 */
export const updateDesired = tenantProcedure
  .use(requirePermission("device.write"))
  .input(
    z.object({
      ...deviceInput,
      desired: z
        .record(z.string().min(1).max(128), z.unknown())
        .refine((d) => Object.keys(d).length > 0, "Set or remove at least one key")
        .refine((d) => Object.keys(d).length <= 500, "At most 500 keys at once"),
      expectedVersion: z.int().min(0).optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const [k, v] of Object.entries(input.desired)) {
      if (v === null) remove.push(k);
      else set[k] = v;
    }
    const shadow = await ctx.withTenant(async (tx) => {
      const { device, product } = await requireDeviceModel(tx, ctx.tenant.id, input.deviceId);
      const issues = desiredIssues(product.model, product.compiled, set);
      if (issues.length > 0) {
        throw appError("BAD_REQUEST", "invalid_desired", `${issues[0]!.path.slice("desired.".length)}: ${issues[0]!.message}`, issues);
      }
      const parsed = product.compiled.desired.parse(set);
      const updated = await updateDesiredAttributes(tx, ctx.tenant.id, input.deviceId, {
        set: parsed,
        remove,
        expectedVersion: input.expectedVersion,
      });
      if (!updated) {
        if (input.expectedVersion !== undefined) {
          throw appError("CONFLICT", "version_conflict", "The shadow changed since you loaded it: reload and try again");
        }
        throw notFound("Device");
      }
      return { ...updated, name: device.name };
    });
    await notifyDesiredChanged({ tenantId: ctx.tenant.id, deviceId: input.deviceId });
    publishLive(ctx.tenant.id, [{ type: "desired", deviceId: input.deviceId, desired: shadow.desired, version: shadow.version }]);
    await recordAudit(ctx.audit, {
      action: "device.desired_update",
      targetType: "device",
      targetId: publicId("dev", input.deviceId),
      targetName: shadow.name,
      details: { set, removed: remove, version: shadow.version },
    });
    return toShadowDto(shadow);
  });
