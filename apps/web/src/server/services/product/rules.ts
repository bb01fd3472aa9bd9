import { parseThingModel, type ThingModel } from "@aspen/core";
import { z } from "zod";
import { appError } from "../../errors";

export const productNameSchema = z.string().trim().min(1, { error: "Enter a name" }).max(100, { error: "Use at most 100 characters" });
export const productDescriptionSchema = z.string().trim().max(1000, { error: "Use at most 1000 characters" });

/**
 * Validates a thing model with core's compiler rules. Errors go back as
 * BAD_REQUEST `invalid_thing_model` with every `{ path, message, reason, params }`
 * in `error.data.details`, paths relative to the model (`properties[2].max`);
 * `reason` and `params` let the console word each in the reader's language.
 */
export function validThingModel(input: unknown): ThingModel {
  const parsed = parseThingModel(input);
  if (parsed.ok) return parsed.model;
  const n = parsed.errors.length;
  throw appError(
    "BAD_REQUEST",
    "invalid_thing_model",
    `The thing model has ${n} problem${n === 1 ? "" : "s"}: ${parsed.errors[0]?.path ? `${parsed.errors[0].path}: ` : ""}${parsed.errors[0]?.message ?? ""}`,
    parsed.errors,
  );
}

export function productNameTaken(name: string) {
  return appError("CONFLICT", "product_name_taken", `A product named "${name}" already exists`, [
    { path: "name", message: "This name is taken" },
  ]);
}
