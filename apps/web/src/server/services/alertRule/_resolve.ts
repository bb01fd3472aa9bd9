import { parsePublicId, validateAlertRule, type AlertRuleSpec } from "@aspen/core";
import { deviceIdsOfProduct, existingWebhookEndpointIds, findProductById, type ProductRow, type Tx } from "@aspen/db";
import { appError, notFound, type FieldIssue } from "../../errors";

const pathOf = (path: (string | number)[]) =>
  ["rule", ...path].reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "");

function refuse(issues: FieldIssue[]): never {
  const first = issues[0]!;
  throw appError("BAD_REQUEST", "invalid_rule", `${first.path}: ${first.message}`, issues);
}

/**
 * Checks a rule against its product (thing model, devices, the tenant's webhooks) and returns the spec
 * to store, with uuids instead of public ids. Refuses with every problem, each naming its field.
 */
export async function resolveRuleSpec(
  tx: Tx,
  tenantId: string,
  productId: string,
  spec: AlertRuleSpec,
): Promise<{ spec: AlertRuleSpec; product: ProductRow }> {
  const product = await findProductById(tx, tenantId, productId);
  if (!product) throw notFound("Product");
  const issues: FieldIssue[] = validateAlertRule(spec, product.thingModel).map((i) => ({ path: pathOf(i.path), message: i.message }));

  const deviceIds = spec.deviceIds.map((id, i) => {
    const uuid = parsePublicId("dev", id);
    if (!uuid) issues.push({ path: pathOf(["deviceIds", i]), message: `Not a device id (expected dev_…)` });
    return uuid ?? "";
  });
  const found = new Set(await deviceIdsOfProduct(tx, tenantId, productId, deviceIds.filter(Boolean)));
  deviceIds.forEach((id, i) => {
    if (id && !found.has(id))
      issues.push({ path: pathOf(["deviceIds", i]), message: `No device ${spec.deviceIds[i]} in product "${product.name}"` });
  });

  const webhookIds = spec.actions.webhookIds.map((id, i) => {
    const uuid = parsePublicId("whk", id);
    if (!uuid) issues.push({ path: pathOf(["actions", "webhookIds", i]), message: `Not a webhook id (expected whk_…)` });
    return uuid ?? "";
  });
  const hooks = new Set(await existingWebhookEndpointIds(tx, tenantId, webhookIds.filter(Boolean)));
  webhookIds.forEach((id, i) => {
    if (id && !hooks.has(id))
      issues.push({ path: pathOf(["actions", "webhookIds", i]), message: `No webhook ${spec.actions.webhookIds[i]} in this tenant` });
  });

  if (issues.length) refuse(issues);
  return {
    spec: { ...spec, deviceIds: [...new Set(deviceIds)], actions: { ...spec.actions, webhookIds: [...new Set(webhookIds)] } },
    product,
  };
}
