import { z } from "zod";
import { identifierSchema } from "./identifier";
import { typeError } from "./messages";

/** The value types a property or parameter can have. */
export const dataTypes = ["int", "float", "bool", "string", "enum"] as const;
export type DataType = (typeof dataTypes)[number];

/** What a value must look like: the part shared by properties and parameters. */
export interface DataSpec {
  type: DataType;
  min?: number | undefined;
  max?: number | undefined;
  enumValues?: string[] | undefined;
  maxLength?: number | undefined;
}

export const nameSchema = z
  .string({ error: typeError("Name must be a string") })
  .trim()
  .min(1, { error: "Name is required" })
  .max(100, { error: "Name must be at most 100 characters" });

export const descriptionSchema = z.string().max(500, { error: "Description must be at most 500 characters" });

/** Fields shared by properties and parameters; rules that span fields live in `dataSpecIssues`. */
export const dataSpecShape = {
  identifier: identifierSchema,
  name: nameSchema,
  description: descriptionSchema.optional(),
  type: z.enum(dataTypes, { error: typeError(`Type must be one of: ${dataTypes.join(", ")}`) }),
  unit: z.string().max(32, { error: "Unit must be at most 32 characters" }).optional(),
  min: z.number({ error: "Minimum must be a number" }).optional(),
  max: z.number({ error: "Maximum must be a number" }).optional(),
  enumValues: z
    .array(
      z
        .string({ error: "Enum values must be strings" })
        .min(1, { error: "Enum values cannot be empty" })
        .max(64, { error: "Enum values must be at most 64 characters" }),
    )
    .max(100, { error: "An enum can have at most 100 values" })
    .optional(),
  maxLength: z
    .int({ error: "Maximum length must be a whole number" })
    .min(1, { error: "Maximum length must be at least 1" })
    .max(65_536, { error: "Maximum length must be at most 65536" })
    .optional(),
};

export interface SpecIssue {
  path: (string | number)[];
  message: string;
  /** Stable code of the rule (see `reasons.ts`), with the values its message names. */
  reason: string;
  params?: Record<string, string | number>;
}

/**
 * Cross-field rules: ranges only on numbers, enum values only (and always) on enums, length only on
 * strings. Fields listed in `invalid` already have their own error and are not judged again.
 */
export function dataSpecIssues(spec: Partial<DataSpec>, invalid: ReadonlySet<string> = new Set()): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const known = (key: keyof DataSpec) => !invalid.has(key) && spec[key] !== undefined;
  const typeKnown = known("type");
  const numeric = spec.type === "int" || spec.type === "float";
  for (const key of ["min", "max"] as const) {
    if (typeKnown && known(key) && !numeric) {
      issues.push({
        path: [key],
        message: `${key === "min" ? "Minimum" : "Maximum"} is only allowed on int and float`,
        reason: key === "min" ? "min_only_numeric" : "max_only_numeric",
      });
    }
  }
  const { min, max } = spec;
  if ((numeric || !typeKnown) && known("min") && known("max") && min !== undefined && max !== undefined && min > max) {
    issues.push({
      path: ["min"],
      message: `Minimum (${min}) must not be greater than maximum (${max})`,
      reason: "min_above_max",
      params: { min, max },
    });
  }
  if (typeKnown && !invalid.has("enumValues")) {
    if (spec.type === "enum") {
      if (!spec.enumValues || spec.enumValues.length === 0) {
        issues.push({ path: ["enumValues"], message: "An enum needs at least one value", reason: "enum_empty" });
      } else {
        const seen = new Set<string>();
        spec.enumValues.forEach((v, i) => {
          if (seen.has(v))
            issues.push({
              path: ["enumValues", i],
              message: `Duplicate enum value "${v}"`,
              reason: "enum_value_duplicate",
              params: { value: v },
            });
          seen.add(v);
        });
      }
    } else if (spec.enumValues !== undefined) {
      issues.push({ path: ["enumValues"], message: "Enum values are only allowed on type enum", reason: "enum_values_only_enum" });
    }
  }
  if (typeKnown && known("maxLength") && spec.type !== "string") {
    issues.push({ path: ["maxLength"], message: "Maximum length is only allowed on type string", reason: "max_length_only_string" });
  }
  return issues;
}

/** Issues for every identifier that appears more than once in a list (items that are not objects are skipped). */
export function duplicateIdentifierIssues(items: readonly unknown[]): SpecIssue[] {
  const seen = new Set<string>();
  const issues: SpecIssue[] = [];
  items.forEach((item, i) => {
    if (typeof item !== "object" || item === null || !("identifier" in item)) return;
    const { identifier } = item;
    if (typeof identifier !== "string") return;
    if (seen.has(identifier))
      issues.push({
        path: [i, "identifier"],
        message: `Duplicate identifier "${identifier}"`,
        reason: "identifier_duplicate",
        params: { identifier },
      });
    seen.add(identifier);
  });
  return issues;
}
