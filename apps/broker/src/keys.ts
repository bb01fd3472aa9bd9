// The broker ↔ web Redis contract lives in packages/core (one copy for both sides).
export { redisKeys, type RedisKeys, type LiveMessage } from "@aspen/core";
