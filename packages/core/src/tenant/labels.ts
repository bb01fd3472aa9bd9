import { z } from "zod";

export const labelKeyPattern = /^[a-z0-9_.-]{1,32}$/;
export const maxLabels = 20;

/** Free-form `key: value` tags on a device, for filtering. */
export const labelsSchema = z
  .record(
    // zod drops a `__proto__` key instead of letting it replace the prototype.
    z.string().regex(labelKeyPattern, { error: "Label keys use 1 to 32 lowercase letters, digits, _, . or -" }),
    z.string({ error: "Label values must be strings" }).max(64, { error: "Label values use at most 64 characters" }),
    { error: "Labels must be an object of key/value strings" },
  )
  .refine((labels) => Object.keys(labels).length <= maxLabels, {
    error: `Use at most ${maxLabels} labels`,
  });
