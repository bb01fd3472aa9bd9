import { randomBytes } from "node:crypto";

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. Needs node:crypto (server only). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** What the console shows of a secret after creation: its last 4 characters. */
export function webhookSecretHint(secret: string): string {
  return `whsec_…${secret.slice(-4)}`;
}
