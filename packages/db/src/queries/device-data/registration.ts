import type { ThingModel } from "@aspen/core";
import { and, count, eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { devices, products, tenants } from "../../schema";

/** What device self-registration needs to know about a product key (system connection: keys are global). */
export interface ProductForRegistration {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantStatus: "active" | "suspended";
  name: string;
  selfRegister: boolean;
  productSecretHash: string | null;
  thingModel: ThingModel;
}

export async function findProductForRegistration(tx: Tx, productKey: string): Promise<ProductForRegistration | undefined> {
  const [row] = await tx
    .select({
      id: products.id,
      tenantId: products.tenantId,
      tenantSlug: tenants.slug,
      tenantStatus: tenants.status,
      name: products.name,
      selfRegister: products.selfRegister,
      productSecretHash: products.productSecretHash,
      thingModel: products.thingModel,
    })
    .from(products)
    .innerJoin(tenants, eq(tenants.id, products.tenantId))
    .where(eq(products.productKey, productKey))
    .limit(1);
  return row;
}

/** How many devices a product has (the self-registration cap counts them; call inside the tenant's scope). */
export async function countProductDevices(tx: Tx, tenantId: string, productId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(devices)
    .where(and(eq(devices.tenantId, tenantId), eq(devices.productId, productId)));
  return row?.n ?? 0;
}
