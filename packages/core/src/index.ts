export * from "./browser";
// Needs node:crypto: server-side only.
export { generateSecret, hashSecret, secretHint, safeEqualHex } from "./credentials/secret";
export { generateWebhookSecret, webhookSecretHint } from "./webhooks/secret";

// Broker ↔ web contracts (Redis keys, live messages, ingest decoding, thing-model cache, after-commit writes)
export { redisKeys, usageTtlSeconds, utcDay, type RedisKeys } from "./contracts/redis-keys";
export { liveMessageSchema, liveTypes, parseLivePayload, type LiveMessage, type LiveType } from "./contracts/live-message";
export {
  decodeTelemetryPoints,
  decodeReported,
  decodeEvent,
  describeKeyErrors,
  dropUnstorable,
  eventTsWindow,
  type DeviceIds,
  type DecodedTelemetry,
  type DecodedTelemetryRow,
  type DecodedEvent,
  type DecodedEventRow,
  type KeyError,
} from "./contracts/ingest-decode";
export {
  ThingModelCache,
  compileProductModel,
  thingModelCachePolicy,
  type ProductModel,
  type ProductForModel,
} from "./contracts/thing-model-cache";
export { AfterCommitWrites, ingestStreamMaxLen, type AfterCommitPipeline, type AfterCommitPositions } from "./contracts/after-commit";
export {
  credentialCacheTtlSeconds,
  credentialCachePutScript,
  credentialCacheDropScript,
  dropDeviceCredentials,
  dropTenantCredentials,
} from "./contracts/credential-cache";
export { accessChangedMessage, type AccessChangedMessage } from "./contracts/access-changed";
export { shareChangedMessage, type ShareChangedMessage } from "./contracts/share-changed";
export { planChangedMessage, type PlanChangedMessage } from "./contracts/plan-changed";
