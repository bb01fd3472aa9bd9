import type { ThingModel } from "@aspen/core";
import { eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { products } from "../../schema";

/** The parts of a product the broker validates device data with. */
export interface ProductForIngest {
  id: string;
  tenantId: string;
  thingModel: ThingModel;
  unknownKeys: "reject" | "keep";
  updatedAt: Date;
}

/** The columns of a `ProductForIngest`, for queries that read one along with other rows. */
export const productForIngestColumns = {
  id: products.id,
  tenantId: products.tenantId,
  thingModel: products.thingModel,
  unknownKeys: products.unknownKeys,
  updatedAt: products.updatedAt,
};

export async function findProductForIngest(tx: Tx, productId: string): Promise<ProductForIngest | undefined> {
  const [row] = await tx
    .select(productForIngestColumns)
    .from(products)
    .where(eq(products.id, productId))
    .limit(1)
    .prepare("product_for_ingest")
    .execute();
  return row;
}
