import {
  alertRuleSpecSchema,
  clearSchema,
  summarizeRule,
  triggerSchema,
  validateAlertRule,
  type SummaryLocale,
  type AlertRuleSpec,
  type Role,
  type Severity,
  type TelemetryTrigger,
  type ThingModel,
} from "@aspen/core/browser";

/** One condition as the form holds it: numbers stay text until the rule is built. */
export interface ConditionDraft {
  kind: "compare" | "range" | "change";
  property: string;
  op: string;
  value: string;
  min: string;
  max: string;
  delta: string;
  windowSeconds: string;
}

export interface GroupDraft {
  combine: "all" | "any";
  conditions: ConditionDraft[];
  forSeconds: string;
}

export interface RuleDraft {
  name: string;
  description: string;
  enabled: boolean;
  severity: Severity;
  deviceIds: string[];
  labelsText: string;
  triggerType: "telemetry" | "offline" | "event";
  telemetry: GroupDraft;
  offlineMinutes: string;
  event: string;
  level: string;
  clearType: "none" | "telemetry" | "online";
  clear: GroupDraft;
  notify: boolean;
  roles: Role[];
  inApp: boolean;
  email: boolean;
  webhookIds: string[];
}

export function newCondition(model?: ThingModel): ConditionDraft {
  const p = model?.properties.find((x) => x.type === "int" || x.type === "float") ?? model?.properties[0];
  return { kind: "compare", property: p?.identifier ?? "", op: ">", value: "", min: "", max: "", delta: "", windowSeconds: "60" };
}

export function newDraft(model?: ThingModel): RuleDraft {
  return {
    name: "",
    description: "",
    enabled: true,
    severity: "major",
    deviceIds: [],
    labelsText: "",
    triggerType: "telemetry",
    telemetry: { combine: "all", conditions: [newCondition(model)], forSeconds: "0" },
    offlineMinutes: "10",
    event: "",
    level: "",
    clearType: "none",
    clear: { combine: "all", conditions: [newCondition(model)], forSeconds: "0" },
    notify: true,
    roles: ["owner", "admin"],
    inApp: true,
    email: true,
    webhookIds: [],
  };
}

/** "" → undefined (so the schema says "must be a number"), numeric text → number, anything else stays text. */
function num(text: string): unknown {
  const s = text.trim();
  if (s === "") return undefined;
  const n = Number(s);
  return Number.isNaN(n) ? s : n;
}

/** A compare value typed for its property: numbers for numeric ones, booleans for bool, text otherwise. */
function scalar(text: string, property: string, model?: ThingModel): unknown {
  const p = model?.properties.find((x) => x.identifier === property);
  if (p?.type === "bool") return text === "true" ? true : text === "false" ? false : undefined;
  if (p?.type === "string" || p?.type === "enum") return text;
  return num(text);
}

function conditionOf(c: ConditionDraft, model?: ThingModel): unknown {
  if (c.kind === "compare") return { kind: "compare", property: c.property, op: c.op, value: scalar(c.value, c.property, model) };
  if (c.kind === "range")
    return { kind: "range", property: c.property, op: c.op === "outside" ? "outside" : "between", min: num(c.min), max: num(c.max) };
  return { kind: "change", property: c.property, delta: num(c.delta), windowSeconds: num(c.windowSeconds) };
}

function groupOf(g: GroupDraft, model?: ThingModel) {
  return {
    type: "telemetry",
    combine: g.combine,
    conditions: g.conditions.map((c) => conditionOf(c, model)),
    forSeconds: num(g.forSeconds) ?? 0,
  };
}

/** `key=value` lines → labels (a line without "=" keeps its text as key so the schema names it). */
export function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\n|,/)) {
    const s = line.trim();
    if (!s) continue;
    const i = s.indexOf("=");
    if (i < 0) out[s] = "";
    else out[s.slice(0, i).trim()] = s.slice(i + 1).trim();
  }
  return out;
}

/** The draft as the object the server's `alertRuleSpecSchema` parses. */
export function draftToInput(d: RuleDraft, model?: ThingModel): Record<string, unknown> {
  const trigger =
    d.triggerType === "telemetry"
      ? groupOf(d.telemetry, model)
      : d.triggerType === "offline"
        ? { type: "offline", forMinutes: num(d.offlineMinutes) }
        : { type: "event", ...(d.event ? { event: d.event } : {}), ...(d.level ? { level: d.level } : {}) };
  const clear = d.clearType === "none" ? undefined : d.clearType === "online" ? { type: "online" } : groupOf(d.clear, model);
  return {
    name: d.name,
    description: d.description,
    enabled: d.enabled,
    severity: d.severity,
    deviceIds: d.deviceIds,
    labels: parseLabels(d.labelsText),
    trigger,
    ...(clear ? { clear } : {}),
    actions: { ...(d.notify ? { notify: { roles: d.roles, inApp: d.inApp, email: d.email } } : {}), webhookIds: d.webhookIds },
  };
}

function groupDraft(g: TelemetryTrigger): GroupDraft {
  return {
    combine: g.combine,
    forSeconds: String(g.forSeconds),
    conditions: g.conditions.map((c) => ({
      kind: c.kind,
      property: c.property,
      op: c.kind === "change" ? "" : c.op,
      value: c.kind === "compare" ? String(c.value) : "",
      min: c.kind === "range" ? String(c.min) : "",
      max: c.kind === "range" ? String(c.max) : "",
      delta: c.kind === "change" ? String(c.delta) : "",
      windowSeconds: c.kind === "change" ? String(c.windowSeconds) : "60",
    })),
  };
}

/** A stored rule back into the form. */
export function specToDraft(spec: AlertRuleSpec, model?: ThingModel): RuleDraft {
  const base = newDraft(model);
  const t = spec.trigger;
  return {
    ...base,
    name: spec.name,
    description: spec.description,
    enabled: spec.enabled,
    severity: spec.severity,
    deviceIds: spec.deviceIds,
    labelsText: Object.entries(spec.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n"),
    triggerType: t.type,
    telemetry: t.type === "telemetry" ? groupDraft(t) : base.telemetry,
    offlineMinutes: t.type === "offline" ? String(t.forMinutes) : base.offlineMinutes,
    event: t.type === "event" ? (t.event ?? "") : "",
    level: t.type === "event" ? (t.level ?? "") : "",
    clearType: spec.clear ? (spec.clear.type === "online" ? "online" : "telemetry") : "none",
    clear: spec.clear?.type === "telemetry" ? groupDraft(spec.clear) : base.clear,
    notify: spec.actions.notify !== undefined,
    roles: spec.actions.notify?.roles ?? base.roles,
    inApp: spec.actions.notify?.inApp ?? true,
    email: spec.actions.notify?.email ?? true,
    webhookIds: spec.actions.webhookIds,
  };
}

/** The server's way of naming a field: `rule.trigger.conditions[0].value`. */
export function pathOf(path: readonly PropertyKey[]): string {
  return ["rule", ...path].reduce<string>(
    (acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    "",
  );
}

export interface DraftCheck {
  spec: AlertRuleSpec | null;
  /** Field path → first message, from the same schema and thing-model checks the server runs. */
  errors: Record<string, string>;
}

/** Parses the draft with the server's schema, then checks it against the thing model. */
export function checkDraft(d: RuleDraft, model?: ThingModel): DraftCheck {
  const parsed = alertRuleSpecSchema.safeParse(draftToInput(d, model));
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[pathOf(issue.path)] ??= issue.message;
    return { spec: null, errors };
  }
  if (model) for (const issue of validateAlertRule(parsed.data, model)) errors[pathOf(issue.path)] ??= issue.message;
  return { spec: Object.keys(errors).length ? null : parsed.data, errors };
}

/** The rule in plain words as soon as its trigger (and clear condition, if any) parse — whatever else is unfinished. */
export function draftSummary(d: RuleDraft, locale: SummaryLocale, model?: ThingModel): string | null {
  const input = draftToInput(d, model);
  const trigger = triggerSchema.safeParse(input.trigger);
  const clear = input.clear === undefined ? undefined : clearSchema.safeParse(input.clear);
  if (!trigger.success || (clear && !clear.success)) return null;
  return summarizeRule(
    { trigger: trigger.data, ...(clear?.success ? { clear: clear.data } : {}), deviceIds: d.deviceIds, labels: parseLabels(d.labelsText) },
    { locale, ...(model ? { thingModel: model } : {}) },
  );
}
