/** A value a device sends: what Aspen's thing models allow. */
export type Value = number | boolean | string;

/**
 * What a device knows about its product, for typed calls: property values, and per command its
 * parameters and its reply. Use `AnyModel` when you do not want to spell it out.
 */
export interface DeviceModel {
  properties: Record<string, Value>;
  events: Record<string, Record<string, Value>>;
  commands: Record<string, { params: Record<string, Value>; result: Record<string, Value> }>;
}

export interface AnyModel extends DeviceModel {
  properties: Record<string, Value>;
  events: Record<string, Record<string, Value>>;
  commands: Record<string, { params: Record<string, Value>; result: Record<string, Value> }>;
}

/** One telemetry point at a given time (ms since 1970). */
export interface TimedValues<P> {
  ts: number;
  values: Partial<P>;
}

/** A command as the device receives it. */
export interface CommandRequest<Method extends string = string, Params = Record<string, unknown>> {
  requestId: string;
  method: Method;
  params: Params;
}

/** Thrown from a command handler, or returned as `{ error }`: the command fails with this message. */
export class CommandError extends Error {}
