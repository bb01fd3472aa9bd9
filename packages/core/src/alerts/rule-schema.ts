import { z } from "zod";
import { roles } from "../permissions/roles";
import { labelsSchema } from "../tenant/labels";
import { eventLevels } from "../thing-model/schema";
import { identifierSchema } from "../thing-model/identifier";

/** Alarm severities, most severe first. */
export const severities = ["critical", "major", "minor", "warning", "info"] as const;
export type Severity = (typeof severities)[number];

export const comparisonOps = [">", ">=", "<", "<=", "==", "!="] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

const scalar = z.union([z.number({ error: "Value must be a number" }), z.string().max(256), z.boolean()], {
  error: "Value must be a number, a string or true/false",
});
const finite = (what: string) => z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be finite`);

/** `temperature > 30` */
export const compareConditionSchema = z.strictObject({
  kind: z.literal("compare"),
  property: identifierSchema,
  op: z.enum(comparisonOps, { error: `Operator must be one of: ${comparisonOps.join(" ")}` }),
  value: scalar,
});

/** `temperature between 10 and 20` (inclusive) or `outside 10 and 20` (strictly below or above). */
export const rangeConditionSchema = z
  .strictObject({
    kind: z.literal("range"),
    property: identifierSchema,
    op: z.enum(["between", "outside"], { error: 'Operator must be "between" or "outside"' }),
    min: finite("Minimum"),
    max: finite("Maximum"),
  })
  .refine((c) => !(c.min > c.max), { path: ["max"], error: "Maximum must not be less than minimum" });

/** `temperature changed by more than 5 within 60 s` (compared with any value seen in the window). */
export const changeConditionSchema = z.strictObject({
  kind: z.literal("change"),
  property: identifierSchema,
  delta: finite("Change").refine((d) => d > 0, "Change must be greater than 0"),
  windowSeconds: z
    .int({ error: "Window must be a whole number of seconds" })
    .min(1, "Window must be at least 1 s")
    .max(86_400, "Window must be at most 24 h"),
});

export const conditionSchema = z.discriminatedUnion("kind", [compareConditionSchema, rangeConditionSchema, changeConditionSchema], {
  error: 'Condition kind must be "compare", "range" or "change"',
});
export type Condition = z.infer<typeof conditionSchema>;

const durationSeconds = z
  .int({ error: "Duration must be a whole number of seconds" })
  .min(0, "Duration must not be negative")
  .max(7 * 86_400, "Duration must be at most 7 days");

/** Conditions on telemetry combined with AND (`all`) or OR (`any`), true for at least `forSeconds`. */
export const telemetryTriggerSchema = z.strictObject({
  type: z.literal("telemetry"),
  combine: z.enum(["all", "any"], { error: 'Combine must be "all" (AND) or "any" (OR)' }).default("all"),
  conditions: z.array(conditionSchema).min(1, "Add at least one condition").max(10, "At most 10 conditions"),
  forSeconds: durationSeconds.default(0),
});

/** The device has been offline for more than `forMinutes`. */
export const offlineTriggerSchema = z.strictObject({
  type: z.literal("offline"),
  forMinutes: z.int({ error: "Minutes must be a whole number" }).min(1, "At least 1 minute").max(10_080, "At most 7 days"),
});

/** The device emitted a thing-model event (a given one, and/or any of a given level or above). */
export const eventTriggerSchema = z
  .strictObject({
    type: z.literal("event"),
    event: identifierSchema.optional(),
    level: z.enum(eventLevels, { error: `Level must be one of: ${eventLevels.join(", ")}` }).optional(),
  })
  .refine((t) => t.event !== undefined || t.level !== undefined, { path: ["event"], error: "Choose an event or a level" });

export const triggerSchema = z.discriminatedUnion("type", [telemetryTriggerSchema, offlineTriggerSchema, eventTriggerSchema], {
  error: 'Trigger type must be "telemetry", "offline" or "event"',
});
export type Trigger = z.infer<typeof triggerSchema>;
export type TelemetryTrigger = z.infer<typeof telemetryTriggerSchema>;

/** Auto-clear: telemetry conditions held for `forSeconds`, or (offline rules) the device coming back online. */
export const clearSchema = z.discriminatedUnion("type", [telemetryTriggerSchema, z.strictObject({ type: z.literal("online") })]);
export type ClearCondition = z.infer<typeof clearSchema>;

export const actionsSchema = z.strictObject({
  notify: z
    .strictObject({
      roles: z.array(z.enum(roles)).max(roles.length).default(["owner", "admin"]),
      inApp: z.boolean().default(true),
      email: z.boolean().default(true),
    })
    .optional(),
  /** Endpoints (`whk_…`) that receive this rule's alarm events besides those subscribed to them. */
  webhookIds: z.array(z.string().max(64)).max(20, "At most 20 webhooks").default([]),
});

/**
 * An alert rule as the console form edits it and the server stores it (the product is chosen
 * separately). Cross-field rules against the thing model live in `validateAlertRule`.
 */
export const alertRuleSpecSchema = z
  .strictObject({
    name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
    description: z.string().max(500, "Description must be at most 500 characters").default(""),
    enabled: z.boolean().default(true),
    severity: z.enum(severities, { error: `Severity must be one of: ${severities.join(", ")}` }),
    /** Only these devices (`dev_…`); empty means every device of the product. */
    deviceIds: z.array(z.string().max(64)).max(1000, "At most 1000 devices").default([]),
    /** Only devices carrying all these labels. */
    labels: labelsSchema.default({}),
    trigger: triggerSchema,
    clear: clearSchema.optional(),
    actions: actionsSchema.default({ webhookIds: [] }),
  })
  .superRefine((r, ctx) => {
    if (!r.clear) return;
    if (r.clear.type === "online" && r.trigger.type !== "offline") {
      ctx.addIssue({ code: "custom", path: ["clear", "type"], message: '"Back online" can only clear an offline rule' });
    }
    if (r.clear.type === "telemetry" && r.trigger.type === "offline") {
      ctx.addIssue({
        code: "custom",
        path: ["clear", "type"],
        message: 'An offline rule clears when the device is back online (type "online")',
      });
    }
  });

export type AlertRuleSpec = z.infer<typeof alertRuleSpecSchema>;
export type AlertRuleSpecInput = z.input<typeof alertRuleSpecSchema>;
