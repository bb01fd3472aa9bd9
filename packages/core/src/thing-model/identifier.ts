import { z } from "zod";
import { typeError } from "./messages";

/** The shape of every thing-model identifier (property, event, command, param). */
export const identifierPattern = /^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/;

// `__proto__` would silently vanish when used as a key of a plain object.
const reservedIdentifiers = new Set(["__proto__"]);

/** A thing-model identifier: a letter or `_`, then up to 63 letters, digits or `_`. */
export const identifierSchema = z
  .string({ error: typeError("Identifier must be a string") })
  .regex(identifierPattern, {
    error: "Identifier must start with a letter or underscore and contain only letters, digits and underscores (at most 64 characters)",
  })
  .refine((s) => !reservedIdentifiers.has(s), {
    error: (iss) => `"${String(iss.input)}" is reserved`,
    params: { reason: "identifier_reserved", identifier: "__proto__" },
  });
