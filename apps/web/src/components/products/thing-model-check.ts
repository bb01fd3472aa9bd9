import { parseThingModel } from "@aspen/core/browser";
import { toThingModelInput, type ThingModelDraft } from "./thing-model-draft";

/** Errors keyed by model path (`properties[1].type`), first message per path. */
export type ModelErrorMap = Record<string, string>;

function byPath(errors: readonly { path: string; message: string }[]): ModelErrorMap {
  const out: ModelErrorMap = {};
  for (const e of errors) out[e.path] ??= e.message;
  return out;
}

/** The server's thing-model rules run on the editor's draft: what Save would be refused for, as you type. */
export function checkDraft(draft: ThingModelDraft): ModelErrorMap {
  const result = parseThingModel(toThingModelInput(draft));
  return result.ok ? {} : byPath(result.errors);
}

export type JsonCheck = { ok: true; model: unknown } | { ok: false; syntax: string } | { ok: false; errors: ModelErrorMap };

/**
 * The JSON tab refuses what the form refuses: text that is not JSON, and a model the server's
 * rules reject (an unknown type such as "quaternion" is an error, never silently a string).
 */
export function checkJson(text: string): JsonCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, syntax: err instanceof Error ? err.message : String(err) };
  }
  const result = parseThingModel(value);
  return result.ok ? { ok: true, model: value } : { ok: false, errors: byPath(result.errors) };
}
