export * from "./browser";
// Needs node:crypto: server-side only.
export { generateSecret, hashSecret, secretHint, safeEqualHex } from "./credentials/secret";
export { generateWebhookSecret, webhookSecretHint } from "./webhooks/secret";
