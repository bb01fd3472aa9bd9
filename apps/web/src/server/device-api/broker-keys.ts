// The broker ↔ web Redis contract is packages/core's `redisKeys` (one copy for both sides); this
// name stays for the callers that still import it.
export { redisKeys as brokerKeys, usageTtlSeconds, utcDay, type LiveMessage } from "@aspen/core";
