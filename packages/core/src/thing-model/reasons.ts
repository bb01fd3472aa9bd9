import type { z } from "zod";
import { dataTypes } from "./data-spec";

/**
 * Stable codes of the thing-model rules, so that a console can word them in the reader's language
 * (the English words stay the schema's own). Each names the values its message needs in `params`.
 */
export const thingModelReasons = [
  "required",
  "unknown_fields",
  "not_object",
  "list_not_array",
  "list_too_long",
  "identifier_not_string",
  "identifier_format",
  "identifier_reserved",
  "identifier_duplicate",
  "name_not_string",
  "name_required",
  "name_too_long",
  "description_too_long",
  "type_invalid",
  "unit_too_long",
  "min_not_number",
  "max_not_number",
  "min_only_numeric",
  "max_only_numeric",
  "min_above_max",
  "enum_empty",
  "enum_too_many",
  "enum_value_not_string",
  "enum_value_empty",
  "enum_value_too_long",
  "enum_value_duplicate",
  "enum_values_only_enum",
  "max_length_not_int",
  "max_length_too_small",
  "max_length_too_big",
  "max_length_only_string",
  "access_invalid",
  "required_not_boolean",
  "level_invalid",
  /** A problem no rule above names: show the message as it is. */
  "invalid",
] as const;
export type ThingModelReason = (typeof thingModelReasons)[number];

export interface ReasonedIssue {
  reason: ThingModelReason;
  params: Record<string, string | number>;
}

/** The lists of a thing model (`params.list` of list issues) and what their items are (`params.what`). */
const itemOf: Record<string, string> = {
  properties: "property",
  events: "event",
  commands: "command",
  params: "parameter",
  input: "parameter",
  output: "parameter",
};

const isReason = (v: unknown): v is ThingModelReason => typeof v === "string" && (thingModelReasons as readonly string[]).includes(v);

/**
 * The rule an issue of `thingModelSchema` broke. Custom rules carry their code in `params.reason`;
 * the built-in checks (type, length, format, enum) are told apart by the field they are on.
 */
export function reasonOfIssue(issue: z.core.$ZodIssue): ReasonedIssue {
  if (issue.code === "custom" && isReason(issue.params?.reason)) {
    const { reason, ...params } = issue.params as Record<string, string | number>;
    return { reason: reason as ThingModelReason, params };
  }
  if (issue.message === "Required") return { reason: "required", params: {} };
  if (issue.code === "unrecognized_keys") return { reason: "unknown_fields", params: { fields: issue.keys.join(", ") } };
  const path = issue.path;
  const last = path.at(-1);
  const field = typeof last === "number" ? path.at(-2) : last;
  const item = typeof last === "number";
  const max = "maximum" in issue ? Number(issue.maximum) : 0;
  const min = "minimum" in issue ? Number(issue.minimum) : 0;
  const r = (reason: ThingModelReason, params: Record<string, string | number> = {}): ReasonedIssue => ({ reason, params });

  if (issue.code === "invalid_type" && (path.length === 0 || (item && typeof field === "string" && field in itemOf))) {
    return r("not_object", { what: path.length === 0 ? "thing_model" : (itemOf[String(field)] ?? "item") });
  }
  if (typeof field === "string" && field in itemOf && !item) {
    if (issue.code === "invalid_type") return r("list_not_array", { list: field });
    if (issue.code === "too_big") return r("list_too_long", { list: field, max });
  }
  switch (field) {
    case "identifier":
      if (issue.code === "invalid_type") return r("identifier_not_string");
      if (issue.code === "invalid_format") return r("identifier_format");
      break;
    case "name":
      if (issue.code === "invalid_type") return r("name_not_string");
      if (issue.code === "too_small") return r("name_required");
      if (issue.code === "too_big") return r("name_too_long", { max });
      break;
    case "description":
      if (issue.code === "too_big") return r("description_too_long", { max });
      break;
    case "type":
      if (issue.code === "invalid_value") return r("type_invalid", { types: dataTypes.join(", ") });
      break;
    case "unit":
      if (issue.code === "too_big") return r("unit_too_long", { max });
      break;
    case "min":
    case "max":
      if (issue.code === "invalid_type") return r(field === "min" ? "min_not_number" : "max_not_number");
      break;
    case "enumValues":
      if (item && issue.code === "invalid_type") return r("enum_value_not_string");
      if (item && issue.code === "too_small") return r("enum_value_empty");
      if (item && issue.code === "too_big") return r("enum_value_too_long", { max });
      if (!item && issue.code === "too_big") return r("enum_too_many", { max });
      break;
    case "maxLength":
      if (issue.code === "invalid_type") return r("max_length_not_int");
      if (issue.code === "too_small") return r("max_length_too_small", { min });
      if (issue.code === "too_big") return r("max_length_too_big", { max });
      break;
    case "access":
      if (issue.code === "invalid_value") return r("access_invalid");
      break;
    case "required":
      if (issue.code === "invalid_type") return r("required_not_boolean");
      break;
    case "level":
      if (issue.code === "invalid_value") return r("level_invalid", { levels: "info, warning, fault" });
      break;
  }
  return r("invalid");
}
