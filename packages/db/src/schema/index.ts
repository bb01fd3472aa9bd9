export * from "./identity";
export * from "./tenancy";
export * from "./catalog";
export * from "./audit";
export * from "./alerts";
export * from "./notifications";
export * from "./webhooks";
