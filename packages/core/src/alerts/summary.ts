import type { ThingModel } from "../thing-model/schema";
import type { AlertRuleSpecInput, Condition } from "./rule-schema";

export type SummaryLocale = "en" | "zh-CN";

const words = {
  en: {
    ops: { ">": "above", ">=": "at or above", "<": "below", "<=": "at or below", "==": "is", "!=": "is not" } as Record<string, string>,
    between: (a: string, b: string) => `between ${a} and ${b}`,
    outside: (a: string, b: string) => `outside ${a} … ${b}`,
    change: (d: string, w: string) => `changed by more than ${d} within ${w}`,
    and: " and ",
    or: " or ",
    for: (d: string) => ` for ${d}`,
    offline: (d: string) => `Offline for more than ${d}`,
    event: (name: string) => `Event ${name}`,
    anyEvent: "Any event",
    level: (l: string) => ` (${l} or above)`,
    all: " on all devices",
    devices: (n: number) => ` on ${n === 1 ? "1 device" : `${n} devices`}`,
    labelled: (n: number, l: string) => (n > 0 ? ` labelled ${l}` : ` on devices labelled ${l}`),
    clears: (s: string) => `; clears when ${s}`,
    online: "the device is back online",
    s: "s",
    min: "min",
    h: "h",
    sep: " ",
  },
  "zh-CN": {
    ops: { ">": "高于", ">=": "不低于", "<": "低于", "<=": "不高于", "==": "等于", "!=": "不等于" } as Record<string, string>,
    between: (a: string, b: string) => `介于 ${a} 和 ${b} 之间`,
    outside: (a: string, b: string) => `不在 ${a} … ${b} 之间`,
    change: (d: string, w: string) => `在 ${w} 内变化超过 ${d}`,
    and: " 且 ",
    or: " 或 ",
    for: (d: string) => ` 持续 ${d}`,
    offline: (d: string) => `离线超过 ${d}`,
    event: (name: string) => `事件 ${name}`,
    anyEvent: "任意事件",
    level: (l: string) => `（${l} 及以上）`,
    all: "，作用于所有设备",
    devices: (n: number) => `，作用于 ${n} 台设备`,
    labelled: (n: number, l: string) => (n > 0 ? `（标签为 ${l}）` : `，作用于标签为 ${l} 的设备`),
    clears: (s: string) => `；当${s}时解除`,
    online: "设备重新上线",
    s: "秒",
    min: "分钟",
    h: "小时",
    sep: " ",
  },
} as const;

function duration(seconds: number, w: (typeof words)[SummaryLocale]): string {
  if (seconds % 3600 === 0 && seconds >= 3600) return `${seconds / 3600} ${w.h}`;
  if (seconds % 60 === 0 && seconds >= 60) return `${seconds / 60} ${w.min}`;
  return `${seconds} ${w.s}`;
}

function conditionText(c: Condition, model: ThingModel | undefined, w: (typeof words)[SummaryLocale]): string {
  const p = model?.properties.find((x) => x.identifier === c.property);
  const name = p?.name ?? c.property;
  const unit = p?.unit ? ` ${p.unit}` : "";
  const fmt = (v: unknown) => (typeof v === "string" ? `"${v}"` : `${String(v)}${typeof v === "number" ? unit : ""}`);
  if (c.kind === "compare") return `${name} ${w.ops[c.op] ?? c.op} ${fmt(c.value)}`;
  if (c.kind === "range") return `${name} ${(c.op === "between" ? w.between : w.outside)(String(c.min), `${c.max}${unit}`)}`;
  return `${name} ${w.change(`${c.delta}${unit}`, duration(c.windowSeconds, w))}`;
}

function groupText(
  g: { combine?: "all" | "any" | undefined; conditions: Condition[]; forSeconds?: number | undefined },
  model: ThingModel | undefined,
  w: (typeof words)[SummaryLocale],
) {
  const text = g.conditions.map((c) => conditionText(c, model, w)).join(g.combine === "any" ? w.or : w.and);
  return text + (g.forSeconds ? w.for(duration(g.forSeconds, w)) : "");
}

/**
 * A rule in plain words, e.g. "Temperature above 30 °C for 5 min on devices labelled site=berlin".
 * Property and event names come from the thing model when given.
 */
export function summarizeRule(
  rule: Pick<AlertRuleSpecInput, "trigger" | "clear" | "deviceIds" | "labels">,
  opts: { locale?: SummaryLocale; thingModel?: ThingModel } = {},
): string {
  const w = words[opts.locale ?? "en"];
  const model = opts.thingModel;
  const t = rule.trigger;
  let text: string;
  if (t.type === "telemetry") text = groupText(t, model, w);
  else if (t.type === "offline") text = w.offline(duration(t.forMinutes * 60, w));
  else {
    const ev = t.event ? (model?.events.find((e) => e.identifier === t.event)?.name ?? t.event) : undefined;
    text = (ev ? w.event(`"${ev}"`) : w.anyEvent) + (t.level ? w.level(t.level) : "");
  }
  const ids = rule.deviceIds?.length ?? 0;
  const labels = Object.entries(rule.labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  if (ids > 0) text += w.devices(ids);
  if (labels) text += w.labelled(ids, labels);
  if (ids === 0 && !labels) text += w.all;
  const c = rule.clear;
  if (c) text += w.clears(c.type === "online" ? w.online : groupText(c, model, w));
  return text;
}
