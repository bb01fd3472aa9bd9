import { csvCell, MAX_BULK_ROWS, type BulkRowProblem } from "@aspen/core";
import { findDevicesByIds, insertDevices, isUniqueViolation, type NewDevice } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, type FieldIssue } from "../../errors";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { bulkProblemMessage, checkBulkRowsInTenant } from "./bulk-rows";
import { credentialsOf, credentialsSchema, newDeviceSecret } from "./credentials";
import { deviceSchema, toDeviceDto } from "./dto";
import { emitDeviceEvent } from "../webhook/emit";

export const bulkCreateDevicesInput = z.object({
  rows: z
    .array(
      z.object({
        name: z.string().max(200),
        product: z.string().max(200),
        /** Label text in the label grammar (`k=v;k2=v2`) or an object. */
        labels: z.union([z.string().max(2000), z.record(z.string(), z.string())]).optional(),
      }),
    )
    .min(1, { error: "The file has no rows" })
    .max(MAX_BULK_ROWS, { error: `At most ${MAX_BULK_ROWS} devices per import: split the file` }),
});
export const bulkCreateDevicesOutput = z.object({
  count: z.number().int(),
  created: z.array(credentialsSchema.extend({ device: deviceSchema })),
  /** `name,product,mqtt_username,mqtt_password,client_id,host,port`, one line per device. */
  credentialsCsv: z.string(),
});

/** A row problem as the field issue the console marks. */
function issueOf(row: number, name: string, p: BulkRowProblem): FieldIssue {
  return { path: `rows[${row}].${p.field}`, row, message: bulkProblemMessage(name, p) };
}

/**
 * Creates up to 1000 devices at once (from a CSV). Every row is checked first (core's bulk-import
 * rules, plus names already taken); if any is bad, nothing is created and BAD_REQUEST `bulk_invalid`
 * lists each problem as `{ path: "rows[3].name", row: 3, message }`. Otherwise all rows are created
 * in one transaction and their credentials are returned — once — with a CSV of them.
 */
export async function bulkCreateDevices(
  scope: Scope,
  input: z.output<typeof bulkCreateDevicesInput>,
): Promise<z.output<typeof bulkCreateDevicesOutput>> {
  assertAllowed(scope, "device.write");
  const checked = await checkBulkRowsInTenant(scope, input.rows);
  const issues = checked.flatMap((c) => c.problems.map((p) => issueOf(c.index, c.name, p)));
  if (issues.length > 0) {
    const bad = new Set(issues.map((i) => i.row)).size;
    const n = input.rows.length;
    throw appError(
      "BAD_REQUEST",
      "bulk_invalid",
      `${bad} of ${n} row${n === 1 ? " has" : "s have"} problems; nothing was created. Fix them and import again.`,
      issues,
    );
  }
  const createdBy = actingUserId(scope);
  const valid = checked.flatMap((c) =>
    c.found ? [{ name: c.name, productId: c.found.id, labels: c.labels, secret: newDeviceSecret() }] : [],
  );
  const newRows: NewDevice[] = valid.map((v) => ({
    tenantId: scope.tenant.id,
    productId: v.productId,
    name: v.name,
    labels: v.labels,
    secretHash: v.secret.hash,
    secretHint: v.secret.hint,
    createdBy,
  }));
  let devices;
  try {
    devices = await inTenant(scope, async (tx) => {
      const ids = await insertDevices(tx, newRows);
      const found = new Map((await findDevicesByIds(tx, scope.tenant.id, ids)).map((d) => [d.id, d]));
      return ids.map((id) => {
        const d = found.get(id);
        if (!d) throw new Error("inserted device not found");
        return d;
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, "devices_tenant_name_key")) {
      throw appError(
        "CONFLICT",
        "device_name_taken",
        "Another device with one of these names was created meanwhile; nothing was created. Import again.",
      );
    }
    throw err;
  }
  const secretOf = new Map(valid.map((v) => [v.name, v.secret.secret]));
  const created = devices.map((d) => ({ device: toDeviceDto(d), ...credentialsOf(scope.tenant.slug, d, secretOf.get(d.name) ?? "") }));
  const header = ["name", "product", "mqtt_username", "mqtt_password", "client_id", "host", "port"];
  const credentialsCsv = [
    header.join(","),
    ...created.map((c) =>
      [c.device.name, c.device.productName, c.mqtt.username, c.mqtt.password, c.mqtt.clientId, c.mqtt.host, c.mqtt.port]
        .map(csvCell)
        .join(","),
    ),
  ].join("\n");
  await recordAudit(auditOf(scope), {
    action: "device.bulk_create",
    targetType: "device",
    targetName: `${created.length} devices`,
    details: { count: created.length, names: created.slice(0, 50).map((c) => c.device.name) },
  });
  for (const d of devices) await emitDeviceEvent(scope.tenant.id, "device.created", d);
  return { count: created.length, created, credentialsCsv: `${credentialsCsv}\n` };
}
