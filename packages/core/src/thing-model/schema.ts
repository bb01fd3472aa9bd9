import { z } from "zod";
import { identifierSchema } from "./identifier";
import {
  dataSpecIssues,
  dataSpecShape,
  descriptionSchema,
  duplicateIdentifierIssues,
  nameSchema,
  type DataSpec,
  type SpecIssue,
} from "./data-spec";
import { typeError } from "./messages";

function report(ctx: z.RefinementCtx, issues: SpecIssue[]): void {
  for (const { path, message, reason, params } of issues) ctx.addIssue({ code: "custom", path, message, params: { reason, ...params } });
}

// Cross-field rules also run when some fields are invalid, so that a user sees every problem at once.
const evenWithIssues = {
  when: (p: z.core.ParsePayload) => typeof p.value === "object" && p.value !== null && !Array.isArray(p.value),
};
const listEvenWithIssues = { when: (p: z.core.ParsePayload) => Array.isArray(p.value) };

/** Top-level fields of an object that already have an error. */
function invalidFields(ctx: z.RefinementCtx): Set<string> {
  return new Set(ctx.issues.map((i) => String(i.path?.[0])));
}

function specRules(spec: Partial<DataSpec>, ctx: z.RefinementCtx): void {
  report(ctx, dataSpecIssues(spec, invalidFields(ctx)));
}

function uniqueList<T extends z.ZodType<{ identifier: string }>>(item: T, max: number, what: string) {
  return z
    .array(item, { error: typeError(`${what} must be a list`) })
    .max(max, { error: `At most ${max} ${what.toLowerCase()} are allowed` })
    .superRefine((items, ctx) => report(ctx, duplicateIdentifierIssues(items)), listEvenWithIssues);
}

function objectError(what: string) {
  return (iss: { code?: string; input?: unknown }) =>
    iss.code !== "invalid_type" ? undefined : iss.input === undefined ? "Required" : `${what} must be an object`;
}

/** A property: a value the device reports (telemetry, attributes) and, if `rw`, the cloud may set. */
export const propertySchema = z
  .strictObject(
    {
      ...dataSpecShape,
      access: z.enum(["r", "rw"], { error: 'Access must be "r" or "rw"' }).default("r"),
    },
    { error: objectError("A property") },
  )
  .superRefine(specRules, evenWithIssues);

/** A parameter of an event or of a command's input or output. */
export const paramSchema = z
  .strictObject(
    {
      ...dataSpecShape,
      required: z.boolean({ error: "Required must be true or false" }).default(true),
    },
    { error: objectError("A parameter") },
  )
  .superRefine(specRules, evenWithIssues);

const paramList = uniqueList(paramSchema, 50, "Parameters").default([]);

export const eventLevels = ["info", "warning", "fault"] as const;

/** Something that happened on the device, published on `v1/devices/me/events/<identifier>`. */
export const eventSchema = z.strictObject(
  {
    identifier: identifierSchema,
    name: nameSchema,
    description: descriptionSchema.optional(),
    level: z.enum(eventLevels, { error: `Level must be one of: ${eventLevels.join(", ")}` }).default("info"),
    params: paramList,
  },
  { error: objectError("An event") },
);

/** A command (RPC) the cloud sends to the device, with its input and the output the device answers. */
export const commandSchema = z.strictObject(
  {
    identifier: identifierSchema,
    name: nameSchema,
    description: descriptionSchema.optional(),
    input: paramList,
    output: paramList,
  },
  { error: objectError("A command") },
);

/** A product's thing model: what its devices report, emit and accept. */
export const thingModelSchema = z.strictObject(
  {
    properties: uniqueList(propertySchema, 500, "Properties").default([]),
    events: uniqueList(eventSchema, 100, "Events").default([]),
    commands: uniqueList(commandSchema, 100, "Commands").default([]),
  },
  { error: objectError("A thing model") },
);

export type ThingModel = z.infer<typeof thingModelSchema>;
/** What a thing model may look like before defaults are applied (e.g. as typed by a user). */
export type ThingModelInput = z.input<typeof thingModelSchema>;
export type Property = z.infer<typeof propertySchema>;
export type Param = z.infer<typeof paramSchema>;
export type ThingEvent = z.infer<typeof eventSchema>;
export type Command = z.infer<typeof commandSchema>;
export type EventLevel = (typeof eventLevels)[number];
