import { publicId, type CompiledThingModel, type ThingModel } from "@aspen/core";
import { updateDesiredAttributes as writeDesired } from "@aspen/db/device-data";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { publishLive } from "../../device-api/device-state";
import { notifyDesiredChanged } from "../../device-api/notify";
import { appError, notFound, type FieldIssue } from "../../errors";
import { deviceInput, requireDeviceModel } from "../device/require";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { shadowSchema, toShadowDto, type ShadowDto } from "./dto";

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

export const updateDesiredAttributesInput = z.object({
  ...deviceInput,
  /** A patch: values to set, `null` to remove a key. */
  desired: z
    .record(z.string().min(1).max(128), z.unknown())
    .refine((d) => Object.keys(d).length > 0, "Set or remove at least one key")
    .refine((d) => Object.keys(d).length <= 500, "At most 500 keys at once"),
  /** Makes the update conditional: CONFLICT `version_conflict` when the shadow moved on. */
  expectedVersion: z.int().min(0).optional(),
});
export const updateDesiredAttributesOutput = shadowSchema;

/**
 * Sets desired attributes: a patch merged into the shadow (`null` deletes a key), validated against
 * the product's writable (`rw`) properties, version bumped; then the broker holding the device pushes
 * the desired state on `v1/devices/me/attributes` (and again when it reconnects).
 * `expectedVersion` makes the update conditional (CONFLICT when the shadow moved on).
 */
export async function updateDesiredAttributes(scope: Scope, input: z.output<typeof updateDesiredAttributesInput>): Promise<ShadowDto> {
  assertAllowed(scope, "device.write");
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const [k, v] of Object.entries(input.desired)) {
    if (v === null) remove.push(k);
    else set[k] = v;
  }
  const shadow = await inTenant(scope, async (tx) => {
    const { device, product } = await requireDeviceModel(tx, scope.tenant.id, input.deviceId);
    const issues = desiredIssues(product.model, product.compiled, set);
    const [first] = issues;
    if (first) throw appError("BAD_REQUEST", "invalid_desired", `${first.path.slice("desired.".length)}: ${first.message}`, issues);
    const parsed = product.compiled.desired.parse(set);
    const updated = await writeDesired(tx, scope.tenant.id, input.deviceId, {
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
  await notifyDesiredChanged({ tenantId: scope.tenant.id, deviceId: input.deviceId });
  publishLive(scope.tenant.id, [{ type: "desired", deviceId: input.deviceId, desired: shadow.desired, version: shadow.version }]);
  await recordAudit(auditOf(scope), {
    action: "device.desired_update",
    targetType: "device",
    targetId: publicId("dev", input.deviceId),
    targetName: shadow.name,
    details: { set, removed: remove, version: shadow.version },
  });
  return toShadowDto(shadow);
}
