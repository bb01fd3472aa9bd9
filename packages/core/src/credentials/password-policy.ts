import { z } from "zod";
import { predictablePassword } from "./common-passwords";

/** Rules for a user's password, with messages that say what to change. */
export const passwordPolicy = z
  .string({ error: "Enter a password" })
  .min(10, { error: "Use at least 10 characters" })
  .max(200, { error: "Use at most 200 characters" })
  .refine((s) => /\p{L}/u.test(s) && /[^\p{L}]/u.test(s), {
    error: "Use letters and at least one digit or symbol",
  })
  .refine((s) => predictablePassword(s) === null, {
    error: "This password is among the first a guesser tries: choose a less common one (e.g. three unrelated words)",
  });
