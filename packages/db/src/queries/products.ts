import { and, asc, count, eq, ilike, inArray, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { devices, products } from "../schema";
import { offsetOf, type Page, type PageRequest, keysetAfter } from "./pagination";

type ProductTable = typeof products.$inferSelect;

/** A product as the console sees it: never the product secret's hash. */
export type ProductRow = Omit<ProductTable, "productSecretHash"> & { deviceCount: number };

// Spelled out: drizzle renders columns unqualified in single-table selects, which would bind "id" to devices.id here.
const deviceCount = sql<number>`(select count(*) from "devices" d where d."product_id" = "products"."id")`.mapWith(Number);

const publicColumns = {
  id: products.id,
  tenantId: products.tenantId,
  name: products.name,
  description: products.description,
  thingModel: products.thingModel,
  unknownKeys: products.unknownKeys,
  selfRegister: products.selfRegister,
  productKey: products.productKey,
  productSecretHint: products.productSecretHint,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  deviceCount,
};

export async function listProducts(tx: Tx, tenantId: string, p: PageRequest & { search?: string }): Promise<Page<ProductRow>> {
  const where = and(eq(products.tenantId, tenantId), p.search ? ilike(products.name, `%${escapeLike(p.search)}%`) : undefined);
  const [items, [total]] = await Promise.all([
    tx.select(publicColumns).from(products).where(where).orderBy(asc(products.name), products.id).limit(p.pageSize).offset(offsetOf(p)),
    tx.select({ n: count() }).from(products).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

export async function findProductById(tx: Tx, tenantId: string, id: string): Promise<ProductRow | undefined> {
  const [row] = await tx
    .select(publicColumns)
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)))
    .limit(1);
  return row;
}

/** Products of the tenant by exact name or id (bulk device import resolves either). */
export async function findProductsByNamesOrIds(
  tx: Tx,
  tenantId: string,
  names: string[],
  ids: string[],
): Promise<{ id: string; name: string }[]> {
  if (names.length === 0 && ids.length === 0) return [];
  const rows = await tx
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(
      and(
        eq(products.tenantId, tenantId),
        sql`(${names.length ? inArray(products.name, names) : sql`false`} or ${ids.length ? inArray(products.id, ids) : sql`false`})`,
      ),
    );
  return rows;
}

/** Inserts a product; throws a unique violation on `products_tenant_name_key` when the name is taken. */
export async function createProduct(
  tx: Tx,
  input: Pick<ProductTable, "tenantId" | "name" | "description" | "thingModel" | "unknownKeys" | "selfRegister" | "productKey">,
): Promise<ProductRow> {
  const [row] = await tx.insert(products).values(input).returning({ id: products.id });
  return (await findProductById(tx, input.tenantId, row!.id))!;
}

export async function updateProduct(
  tx: Tx,
  tenantId: string,
  id: string,
  patch: Partial<Pick<ProductTable, "name" | "description" | "thingModel" | "unknownKeys" | "selfRegister">>,
): Promise<ProductRow | undefined> {
  if (Object.keys(patch).length > 0) {
    const rows = await tx
      .update(products)
      .set(patch)
      .where(and(eq(products.tenantId, tenantId), eq(products.id, id)))
      .returning({ id: products.id });
    if (rows.length === 0) return undefined;
  }
  return findProductById(tx, tenantId, id);
}

export async function countDevicesOfProduct(tx: Tx, tenantId: string, productId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(devices)
    .where(and(eq(devices.tenantId, tenantId), eq(devices.productId, productId)));
  return row?.n ?? 0;
}

export async function deleteProduct(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)))
    .returning({ id: products.id });
  return rows.length > 0;
}

/** Replaces the product secret (stored hashed) and its visible hint. */
export async function setProductSecret(tx: Tx, tenantId: string, id: string, secret: { hash: string; hint: string }): Promise<boolean> {
  const rows = await tx
    .update(products)
    .set({ productSecretHash: secret.hash, productSecretHint: secret.hint })
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)))
    .returning({ id: products.id });
  return rows.length > 0;
}

/** Escapes LIKE wildcards in user search input. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A keyset page of products in the order of `listProducts` (by name, then id): the `limit` products
 * after the product `after` (uuid), one more fetched to say whether more follow.
 */
export async function listProductsAfter(
  tx: Tx,
  tenantId: string,
  p: { search?: string; after?: string; limit: number },
): Promise<{ items: ProductRow[]; hasMore: boolean; cursorFound: boolean }> {
  const after = await keysetAfter(tx, products, tenantId, p.after, [products.name, products.id], ">");
  if (after === null) return { items: [], hasMore: false, cursorFound: false };
  const rows = await tx
    .select(publicColumns)
    .from(products)
    .where(and(eq(products.tenantId, tenantId), p.search ? ilike(products.name, `%${escapeLike(p.search)}%`) : undefined, after))
    .orderBy(asc(products.name), asc(products.id))
    .limit(p.limit + 1);
  return { items: rows.slice(0, p.limit), hasMore: rows.length > p.limit, cursorFound: true };
}
