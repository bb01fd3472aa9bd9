import { parseThingModel, type ThingModelError } from "@aspen/core/browser";
import { toThingModelInput, type ThingModelDraft } from "./thing-model-draft";

/** Words an error for the reader (see `thingModelErrorText`); by default core's English message. */
export type ErrorText = (e: ThingModelError) => string;
const english: ErrorText = (e) => e.message;

/** Errors keyed by model path (`properties[1].type`), first message per path. */
export type ModelErrorMap = Record<string, string>;

function byPath(errors: readonly ThingModelError[], text: ErrorText): ModelErrorMap {
  const out: ModelErrorMap = {};
  for (const e of errors) out[e.path] ??= text(e);
  return out;
}

/** The server's thing-model rules run on the editor's draft: what Save would be refused for, as you type. */
export function checkDraft(draft: ThingModelDraft, text: ErrorText = english): ModelErrorMap {
  const result = parseThingModel(toThingModelInput(draft));
  return result.ok ? {} : byPath(result.errors, text);
}

export type JsonCheck = { ok: true; model: unknown } | { ok: false; syntax: string } | { ok: false; errors: ModelErrorMap };

/**
 * The JSON tab refuses what the form refuses: text that is not JSON, and a model the server's
 * rules reject (an unknown type such as "quaternion" is an error, never silently a string).
 */
export function checkJson(json: string, text: ErrorText = english): JsonCheck {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, syntax: err instanceof Error ? err.message : String(err) };
  }
  const result = parseThingModel(value);
  return result.ok ? { ok: true, model: value } : { ok: false, errors: byPath(result.errors, text) };
}
