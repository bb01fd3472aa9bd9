import { csvCell, deviceNameSchema, labelsSchema, parsePublicId } from "@aspen/core";
import {
  existingDeviceNames,
  findDevicesByIds,
  findProductsByNamesOrIds,
  insertDevices,
  isUniqueViolation,
  type NewDevice,
} from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, type FieldIssue } from "../../errors";
import { requirePermission, tenantProcedure } from "../../trpc";
import { credentialsOf, newDeviceSecret } from "./_credentials";
import { toDeviceDto } from "./_dto";

export const MAX_BULK_ROWS = 1000;

/** `key=value;key2=value2` (as typed in a CSV cell) or an object. */
function parseLabels(raw: string | Record<string, string> | undefined): unknown {
  if (raw === undefined || raw === "") return {};
  if (typeof raw !== "string") return raw;
  const out: Record<string, string> = {};
  for (const part of raw.split(/[;|]/)) {
    const s = part.trim();
    if (!s) continue;
    const i = s.indexOf("=");
    if (i <= 0) return { __invalid: s };
    out[s.slice(0, i).trim()] = s.slice(i + 1).trim();
  }
  return out;
}

/**
 * Creates up to 1000 devices at once (from a CSV). Every row is checked
 * first; if any is bad, nothing is created and BAD_REQUEST `bulk_invalid`
 * lists each problem in `error.data.details` as `{ path: "rows[3].name",
 * row: 3, message }`. Otherwise all rows are created in one transaction and
 * their credentials are returned — once — with a CSV of them.
 */
export const bulkCreate = tenantProcedure
  .use(requirePermission("device.write"))
  .input(
    z.object({
      rows: z
        .array(
          z.object({
            name: z.string().max(200),
            product: z.string().max(200),
            labels: z.union([z.string().max(2000), z.record(z.string(), z.string())]).optional(),
          }),
        )
        .min(1, { error: "The file has no rows" })
        .max(MAX_BULK_ROWS, { error: `At most ${MAX_BULK_ROWS} devices per import: split the file` }),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const rows = input.rows.map((r) => ({ name: r.name.trim(), product: r.product.trim(), labels: r.labels }));
    const issues: FieldIssue[] = [];
    const issue = (row: number, field: string, message: string) => issues.push({ path: `rows[${row}].${field}`, row, message });

    const names = rows.map((r) => r.name);
    const productIds = rows.map((r) => (r.product.startsWith("prd_") ? parsePublicId("prd", r.product) : null));
    const productNames = rows.filter((_, i) => !productIds[i]).map((r) => r.product);

    const { taken, products } = await ctx.withTenant(async (tx) => ({
      taken: new Set(await existingDeviceNames(tx, ctx.tenant.id, names)),
      products: await findProductsByNamesOrIds(tx, ctx.tenant.id, [...new Set(productNames)], productIds.filter((x): x is string => !!x)),
    }));
    const productById = new Map(products.map((p) => [p.id, p]));
    const productByName = new Map(products.map((p) => [p.name, p]));

    const firstRow = new Map<string, number>();
    const valid: { name: string; productId: string; labels: Record<string, string> }[] = [];
    rows.forEach((r, i) => {
      const name = deviceNameSchema.safeParse(r.name);
      if (!name.success) issue(i, "name", name.error.issues[0]?.message ?? "Invalid name");
      else if (firstRow.has(r.name)) issue(i, "name", `"${r.name}" appears more than once in the file (first in row ${firstRow.get(r.name)! + 1})`);
      else if (taken.has(r.name)) issue(i, "name", `A device named "${r.name}" already exists`);
      if (!firstRow.has(r.name)) firstRow.set(r.name, i);

      const product = productIds[i] ? productById.get(productIds[i]!) : productByName.get(r.product);
      if (!r.product) issue(i, "product", "Name the product (its name or prd_… id)");
      else if (!product) issue(i, "product", `No product "${r.product}" in this tenant`);

      const labels = labelsSchema.safeParse(parseLabels(r.labels));
      if (!labels.success) issue(i, "labels", labels.error.issues[0]?.message ?? 'Write labels as "key=value;key2=value2"');

      if (name.success && product && labels.success) valid.push({ name: r.name, productId: product.id, labels: labels.data });
    });

    if (issues.length > 0) {
      const bad = new Set(issues.map((i) => i.row)).size;
      throw appError(
        "BAD_REQUEST",
        "bulk_invalid",
        `${bad} of ${rows.length} row${rows.length === 1 ? " has" : "s have"} problems; nothing was created. Fix them and import again.`,
        issues,
      );
    }

    const secrets = valid.map(() => newDeviceSecret());
    const newRows: NewDevice[] = valid.map((v, i) => ({
      tenantId: ctx.tenant.id,
      productId: v.productId,
      name: v.name,
      labels: v.labels,
      secretHash: secrets[i]!.hash,
      secretHint: secrets[i]!.hint,
      createdBy: ctx.user.id,
    }));
    let devices;
    try {
      devices = await ctx.withTenant(async (tx) => {
        const ids = await insertDevices(tx, newRows);
        const found = new Map((await findDevicesByIds(tx, ctx.tenant.id, ids)).map((d) => [d.id, d]));
        return ids.map((id) => found.get(id)!);
      });
    } catch (err) {
      if (isUniqueViolation(err, "devices_tenant_name_key")) {
        throw appError("CONFLICT", "device_name_taken", "Another device with one of these names was created meanwhile; nothing was created. Import again.");
      }
      throw err;
    }

    const created = devices.map((d, i) => ({ device: toDeviceDto(d), ...credentialsOf(ctx.tenant.slug, d, secrets[i]!.secret) }));
    const header = ["name", "product", "mqtt_username", "mqtt_password", "client_id", "host", "port"];
    const credentialsCsv = [
      header.join(","),
      ...created.map((c) =>
        [c.device.name, c.device.productName, c.mqtt.username, c.mqtt.password, c.mqtt.clientId, c.mqtt.host, c.mqtt.port].map(csvCell).join(","),
      ),
    ].join("\n");

    await recordAudit(ctx.audit, {
      action: "device.bulk_create",
      targetType: "device",
      targetName: `${created.length} devices`,
      details: { count: created.length, names: created.slice(0, 50).map((c) => c.device.name) },
    });
    return { count: created.length, created, credentialsCsv: `${credentialsCsv}\n` };
  });
