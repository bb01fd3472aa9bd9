import { z } from "zod";
import type { Param, Property, ThingModel } from "./schema";
import { validateValues, type UnknownKeys, type ValidatedValues } from "./validate-values";
import { valueSchema, type PrimitiveValue } from "./value-schema";

/** Validates an object of values keyed by identifier; its output has only primitives. */
export type ValuesSchema = z.ZodType<Record<string, PrimitiveValue>>;

export interface CompileOptions {
  /** What to do with keys the model does not declare in data sent by the device. Default `reject`. */
  unknownKeys?: UnknownKeys;
}

/**
 * A thing model turned into validators. Data from the device (telemetry, attributes, events, command
 * output) follows `unknownKeys`; data from the cloud (desired values, command input) is always strict.
 */
export interface CompiledThingModel {
  /** Telemetry: any subset of the properties. */
  telemetry: ValuesSchema;
  /** Reported attributes: any subset of the properties. */
  attributes: ValuesSchema;
  /** Desired values the cloud may set: any subset of the `rw` properties, nothing else. */
  desired: ValuesSchema;
  event(identifier: string): ValuesSchema | undefined;
  commandInput(identifier: string): ValuesSchema | undefined;
  commandOutput(identifier: string): ValuesSchema | undefined;
  /** Validates telemetry (or reported attributes) key by key: good keys survive bad ones. */
  validateTelemetry(values: Record<string, unknown>): ValidatedValues;
}

const primitive = z.union([z.number(), z.boolean(), z.string()], {
  error: "unsupported value: expected a number, boolean or string",
});

const objectError = (iss: z.core.$ZodRawIssue): string | undefined => {
  if (iss.code === "invalid_type") return "expected an object of key/value pairs";
  if (iss.code === "unrecognized_keys") return `unknown key${iss.keys.length > 1 ? "s" : ""}: ${iss.keys.join(", ")}`;
  return undefined;
};

function objectOf(shape: Record<string, z.ZodType>, unknownKeys: UnknownKeys): ValuesSchema {
  const schema =
    unknownKeys === "reject" ? z.strictObject(shape, { error: objectError }) : z.object(shape, { error: objectError }).catchall(primitive);
  return schema as unknown as ValuesSchema;
}

function propertiesObject(properties: readonly Property[], unknownKeys: UnknownKeys): ValuesSchema {
  return objectOf(Object.fromEntries(properties.map((p) => [p.identifier, valueSchema(p).optional()])), unknownKeys);
}

function paramsObject(params: readonly Param[], unknownKeys: UnknownKeys): ValuesSchema {
  const shape = Object.fromEntries(params.map((p) => [p.identifier, p.required ? valueSchema(p) : valueSchema(p).optional()]));
  return objectOf(shape, unknownKeys);
}

function lookup(map: ReadonlyMap<string, ValuesSchema>) {
  return (identifier: string) => map.get(identifier);
}

/** Compiles a parsed thing model into validators; do it once per product and reuse the result. */
export function compileThingModel(model: ThingModel, opts: CompileOptions = {}): CompiledThingModel {
  const unknownKeys = opts.unknownKeys ?? "reject";
  const propertyValues = new Map(model.properties.map((p) => [p.identifier, valueSchema(p)]));
  const telemetry = propertiesObject(model.properties, unknownKeys);
  const events = new Map(model.events.map((e) => [e.identifier, paramsObject(e.params, unknownKeys)]));
  const inputs = new Map(model.commands.map((c) => [c.identifier, paramsObject(c.input, "reject")]));
  const outputs = new Map(model.commands.map((c) => [c.identifier, paramsObject(c.output, unknownKeys)]));
  return {
    telemetry,
    attributes: telemetry,
    desired: propertiesObject(
      model.properties.filter((p) => p.access === "rw"),
      "reject",
    ),
    event: lookup(events),
    commandInput: lookup(inputs),
    commandOutput: lookup(outputs),
    validateTelemetry: (values) => validateValues(propertyValues, unknownKeys, values),
  };
}
