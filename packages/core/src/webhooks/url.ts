import { z } from "zod";

export const maxWebhookUrlLength = 2048;

/** A webhook target: http(s), at most 2048 characters, no credentials in it. Addresses are checked separately. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(maxWebhookUrlLength, `URL must be at most ${maxWebhookUrlLength} characters`)
  .refine((s) => URL.canParse(s), "Not a valid URL")
  .refine((s) => !URL.canParse(s) || ["http:", "https:"].includes(new URL(s).protocol), "URL must start with http:// or https://")
  .refine((s) => !URL.canParse(s) || (!new URL(s).username && !new URL(s).password), "URL must not contain a user name or password");
