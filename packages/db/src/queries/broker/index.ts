// Query functions of the MQTT broker (apps/broker): `import { … } from "@aspen/db/broker"`.
// They run on a system connection (`createDb(url, { system: true })`): devices authenticate across tenants.
export * from "./auth";
export * from "./products";
export * from "./ingest";
export * from "./device-stats";
export * from "./errors";
export * from "./connections";
export * from "./shadow";
export * from "./commands";
export * from "./health";
