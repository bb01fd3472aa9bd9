import type { DataType, EventLevel, ThingModel, ThingModelInput } from "@aspen/core";

/**
 * The thing model as the editor holds it: every field a string or a choice,
 * so that half-typed numbers survive. `toThingModelInput` turns it into what
 * the server validates; `fromThingModel` goes back.
 */
export interface SpecDraft {
  identifier: string;
  name: string;
  description: string;
  type: DataType;
  unit: string;
  min: string;
  max: string;
  /** Comma-separated. */
  enumValues: string;
  maxLength: string;
}
export interface PropertyDraft extends SpecDraft {
  key: string;
  access: "r" | "rw";
}
export interface ParamDraft extends SpecDraft {
  key: string;
  required: boolean;
}
export interface EventDraft {
  key: string;
  identifier: string;
  name: string;
  description: string;
  level: EventLevel;
  params: ParamDraft[];
}
export interface CommandDraft {
  key: string;
  identifier: string;
  name: string;
  description: string;
  input: ParamDraft[];
  output: ParamDraft[];
}
export interface ThingModelDraft {
  properties: PropertyDraft[];
  events: EventDraft[];
  commands: CommandDraft[];
}

let counter = 0;
/** A stable React key for a row. */
export function rowKey(): string {
  counter += 1;
  return `r${counter}`;
}

const emptySpec = (): SpecDraft => ({
  identifier: "",
  name: "",
  description: "",
  type: "float",
  unit: "",
  min: "",
  max: "",
  enumValues: "",
  maxLength: "",
});

export const newProperty = (): PropertyDraft => ({ key: rowKey(), ...emptySpec(), access: "r" });
export const newParam = (): ParamDraft => ({ key: rowKey(), ...emptySpec(), required: true });
export const newEvent = (): EventDraft => ({ key: rowKey(), identifier: "", name: "", description: "", level: "info", params: [] });
export const newCommand = (): CommandDraft => ({ key: rowKey(), identifier: "", name: "", description: "", input: [], output: [] });

export const emptyDraft = (): ThingModelDraft => ({ properties: [], events: [], commands: [] });

/** "" → absent; a number → that number; anything else is sent as typed so the server names the problem. */
function numberField(s: string): number | string | undefined {
  const v = s.trim();
  if (v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

function specOut(s: SpecDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { identifier: s.identifier.trim(), name: s.name.trim(), type: s.type };
  if (s.description.trim()) out.description = s.description.trim();
  if (s.unit.trim()) out.unit = s.unit.trim();
  if (s.type === "int" || s.type === "float") {
    const min = numberField(s.min);
    const max = numberField(s.max);
    if (min !== undefined) out.min = min;
    if (max !== undefined) out.max = max;
  }
  if (s.type === "enum") {
    out.enumValues = s.enumValues
      .split(/[,，]/)
      .map((v) => v.trim())
      .filter(Boolean);
  }
  if (s.type === "string") {
    const maxLength = numberField(s.maxLength);
    if (maxLength !== undefined) out.maxLength = maxLength;
  }
  return out;
}

const paramOut = (p: ParamDraft) => ({ ...specOut(p), required: p.required });

/** What the server's thing model validator receives. */
export function toThingModelInput(d: ThingModelDraft): ThingModelInput {
  return {
    properties: d.properties.map((p) => ({ ...specOut(p), access: p.access })),
    events: d.events.map((e) => ({
      identifier: e.identifier.trim(),
      name: e.name.trim(),
      ...(e.description.trim() ? { description: e.description.trim() } : {}),
      level: e.level,
      params: e.params.map(paramOut),
    })),
    commands: d.commands.map((c) => ({
      identifier: c.identifier.trim(),
      name: c.name.trim(),
      ...(c.description.trim() ? { description: c.description.trim() } : {}),
      input: c.input.map(paramOut),
      output: c.output.map(paramOut),
    })),
  } as ThingModelInput;
}

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

function specIn(s: Record<string, unknown>): SpecDraft {
  const type = (["int", "float", "bool", "string", "enum"] as const).includes(s.type as DataType) ? (s.type as DataType) : "string";
  return {
    identifier: str(s.identifier),
    name: str(s.name),
    description: str(s.description),
    type,
    unit: str(s.unit),
    min: str(s.min),
    max: str(s.max),
    enumValues: Array.isArray(s.enumValues) ? s.enumValues.map(String).join(", ") : "",
    maxLength: str(s.maxLength),
  };
}

const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null) : [];

const paramIn = (p: Record<string, unknown>): ParamDraft => ({ key: rowKey(), ...specIn(p), required: p.required !== false });

/** Loads a stored (or pasted) thing model into the editor; unknown shapes become empty lists. */
export function fromThingModel(model: ThingModel | ThingModelInput | Record<string, unknown> | null | undefined): ThingModelDraft {
  const m = (model ?? {}) as Record<string, unknown>;
  return {
    properties: list(m.properties).map((p) => ({ key: rowKey(), ...specIn(p), access: p.access === "rw" ? "rw" : "r" })),
    events: list(m.events).map((e) => ({
      key: rowKey(),
      identifier: str(e.identifier),
      name: str(e.name),
      description: str(e.description),
      level: e.level === "warning" || e.level === "fault" ? e.level : "info",
      params: list(e.params).map(paramIn),
    })),
    commands: list(m.commands).map((c) => ({
      key: rowKey(),
      identifier: str(c.identifier),
      name: str(c.name),
      description: str(c.description),
      input: list(c.input).map(paramIn),
      output: list(c.output).map(paramIn),
    })),
  };
}
