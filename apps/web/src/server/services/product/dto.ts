import { thingModelSchema } from "@aspen/core";
import type { ProductRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const unknownKeysSchema = z.enum(["reject", "keep"]);

/** A product as every client sees it; never its product secret. */
export const productSchema = z.object({
  id: z.string().meta({ example: "prd_4fQ9sZk2VbN7cX1mR8tYpL" }),
  name: z.string(),
  description: z.string(),
  thingModel: thingModelSchema,
  unknownKeys: unknownKeysSchema,
  selfRegister: z.boolean(),
  /** Public: identifies the product in self-registration. */
  productKey: z.string(),
  /** `abcd…wxyz` of the product secret, or null when none was generated yet. */
  productSecretHint: z.string().nullable(),
  deviceCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProductDto = z.infer<typeof productSchema>;

export function toProductDto(p: ProductRow): ProductDto {
  return {
    id: publicId("prd", p.id),
    name: p.name,
    description: p.description,
    thingModel: p.thingModel,
    unknownKeys: p.unknownKeys,
    selfRegister: p.selfRegister,
    productKey: p.productKey,
    productSecretHint: p.productSecretHint,
    deviceCount: p.deviceCount,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
