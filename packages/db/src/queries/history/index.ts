// Telemetry history: bucketed and raw series, rollups, retention and export queries:
// `import { … } from "@aspen/db/history"`. Tenant reads run inside `withTenant`; the rollup and
// retention runs need a system connection (they span tenants).
export * from "./series";
export * from "./rollup";
export * from "./retention";
export * from "./raw";
export * from "./exports";
