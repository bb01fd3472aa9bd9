// Query functions behind the console's device data (telemetry, shadow, commands, activity) and the
// device HTTP API: `import { … } from "@aspen/db/device-data"`. Tenant reads run inside `withTenant`;
// `findProductForRegistration` needs a system transaction (product keys are global).
export * from "./telemetry";
export * from "./activity";
export * from "./shadow";
export * from "./commands";
export * from "./registration";
