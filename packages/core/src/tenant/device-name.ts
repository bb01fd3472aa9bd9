import { z } from "zod";

/** Starts with a letter or digit; then letters, digits, `_`, `.`, `-` (never `/`, it splits the MQTT username). */
export const deviceNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A device's name, unique in its tenant. */
export const deviceNameSchema = z
  .string({ error: "Enter a device name" })
  .min(1, { error: "Enter a device name" })
  .max(64, { error: "Use at most 64 characters" })
  .regex(deviceNamePattern, {
    error: "Start with a letter or digit and use only letters, digits, _, . and -",
  });
