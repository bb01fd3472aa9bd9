import type { Property, ThingModel } from "../thing-model/schema";
import { levelRank } from "./evaluate";
import type { AlertRuleSpec, Condition, TelemetryTrigger } from "./rule-schema";

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

const numeric = (p: Property) => p.type === "int" || p.type === "float";

/** A numeric interval; `lo`/`hi` may be open (strict). */
interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}
const everything: Interval = { lo: -Infinity, loOpen: false, hi: Infinity, hiOpen: false };

function intersect(a: Interval, b: Interval): Interval {
  const lo = a.lo > b.lo ? a : a.lo < b.lo ? b : { lo: a.lo, loOpen: a.loOpen || b.loOpen };
  const hi = a.hi < b.hi ? a : a.hi > b.hi ? b : { hi: a.hi, hiOpen: a.hiOpen || b.hiOpen };
  return { lo: lo.lo, loOpen: lo.loOpen, hi: hi.hi, hiOpen: hi.hiOpen };
}
function isEmpty(i: Interval, integer: boolean): boolean {
  if (i.lo > i.hi) return true;
  if (i.lo === i.hi) return i.loOpen || i.hiOpen || (integer && !Number.isInteger(i.lo));
  if (integer && Number.isFinite(i.lo) && Number.isFinite(i.hi)) {
    const first = i.loOpen && Number.isInteger(i.lo) ? i.lo + 1 : Math.ceil(i.lo);
    const last = i.hiOpen && Number.isInteger(i.hi) ? i.hi - 1 : Math.floor(i.hi);
    return first > last;
  }
  return false;
}

/** The values a condition accepts, as one interval, or undefined when it is not an interval (!=, outside, change). */
function intervalOf(c: Condition): Interval | undefined {
  if (c.kind === "range") return c.op === "between" ? { lo: c.min, loOpen: false, hi: c.max, hiOpen: false } : undefined;
  if (c.kind !== "compare" || typeof c.value !== "number") return undefined;
  const v = c.value;
  switch (c.op) {
    case ">":
      return { ...everything, lo: v, loOpen: true };
    case ">=":
      return { ...everything, lo: v };
    case "<":
      return { ...everything, hi: v, hiOpen: true };
    case "<=":
      return { ...everything, hi: v };
    case "==":
      return { lo: v, loOpen: false, hi: v, hiOpen: false };
    default:
      return undefined;
  }
}

function bounds(p: Property): Interval {
  return { lo: p.min ?? -Infinity, loOpen: false, hi: p.max ?? Infinity, hiOpen: false };
}
const range = (p: Property) => `${p.min ?? "-∞"} … ${p.max ?? "∞"}${p.unit ? ` ${p.unit}` : ""}`;

function conditionIssues(c: Condition, p: Property, at: (string | number)[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const name = `"${p.name}" (${p.identifier})`;
  const needsNumber = c.kind !== "compare" || !(c.op === "==" || c.op === "!=");
  if (needsNumber && !numeric(p)) {
    issues.push({ path: [...at, c.kind === "compare" ? "op" : "kind"], message: `${name} is ${p.type}: only == and != apply to it` });
    return issues;
  }
  if (c.kind === "compare") {
    const v = c.value;
    if (numeric(p) && typeof v !== "number")
      issues.push({ path: [...at, "value"], message: `${name} is a number: compare it with a number` });
    else if (p.type === "bool" && typeof v !== "boolean")
      issues.push({ path: [...at, "value"], message: `${name} is true/false: compare it with true or false` });
    else if ((p.type === "string" || p.type === "enum") && typeof v !== "string")
      issues.push({ path: [...at, "value"], message: `${name} is text: compare it with text` });
    else if (p.type === "enum" && !p.enumValues?.includes(v as string)) {
      issues.push({ path: [...at, "value"], message: `${name} is never "${String(v)}": use one of ${p.enumValues?.join(", ")}` });
    }
  }
  if (issues.length) return issues;
  const own = intervalOf(c);
  if (own && numeric(p) && isEmpty(intersect(own, bounds(p)), p.type === "int")) {
    issues.push({
      path: [...at, c.kind === "range" ? "min" : "value"],
      message: `Can never be true: ${name} is always within ${range(p)}`,
    });
  }
  if (
    c.kind === "range" &&
    c.op === "outside" &&
    numeric(p) &&
    p.min !== undefined &&
    p.max !== undefined &&
    c.min <= p.min &&
    c.max >= p.max
  ) {
    issues.push({ path: [...at, "min"], message: `Can never be true: ${name} is always within ${range(p)}` });
  }
  if (c.kind === "change" && numeric(p) && p.min !== undefined && p.max !== undefined && c.delta >= p.max - p.min) {
    issues.push({ path: [...at, "delta"], message: `Can never be true: ${name} varies by at most ${p.max - p.min}` });
  }
  return issues;
}

function triggerIssues(t: TelemetryTrigger, model: ThingModel, at: (string | number)[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const props = new Map(model.properties.map((p) => [p.identifier, p]));
  const combined = new Map<string, Interval>();
  t.conditions.forEach((c, i) => {
    const path = [...at, "conditions", i];
    const p = props.get(c.property);
    if (!p) {
      issues.push({
        path: [...path, "property"],
        message: `Unknown property "${c.property}": it is not (or no longer) in the product's thing model`,
      });
      return;
    }
    const own = conditionIssues(c, p, path);
    issues.push(...own);
    if (own.length || t.combine !== "all" || !numeric(p)) return;
    const iv = intervalOf(c);
    if (!iv) return;
    const merged = intersect(combined.get(p.identifier) ?? bounds(p), iv);
    combined.set(p.identifier, merged);
    if (isEmpty(merged, p.type === "int")) {
      issues.push({ path: [...path], message: `Can never be true together with the other conditions on "${p.name}" (${p.identifier})` });
    }
  });
  return issues;
}

/**
 * Checks a rule against its product's thing model: known properties and events, operators that fit
 * each property's type, and conditions that can be satisfied. Each issue names the field (path).
 */
export function validateAlertRule(rule: AlertRuleSpec, model: ThingModel): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const t = rule.trigger;
  if (t.type === "telemetry") issues.push(...triggerIssues(t, model, ["trigger"]));
  if (t.type === "event") {
    const ev = t.event === undefined ? undefined : model.events.find((e) => e.identifier === t.event);
    if (t.event !== undefined && !ev) {
      issues.push({
        path: ["trigger", "event"],
        message: `Unknown event "${t.event}": it is not (or no longer) in the product's thing model`,
      });
    } else if (ev && t.level !== undefined && levelRank(ev.level) < levelRank(t.level)) {
      issues.push({ path: ["trigger", "level"], message: `Can never be true: event "${ev.name}" always has level ${ev.level}` });
    } else if (!ev && t.level !== undefined && !model.events.some((e) => levelRank(e.level) >= levelRank(t.level!))) {
      issues.push({ path: ["trigger", "level"], message: `No event of the thing model has level ${t.level} or above` });
    }
  }
  if (rule.clear?.type === "telemetry") issues.push(...triggerIssues(rule.clear, model, ["clear"]));
  return issues;
}
