export * from "./identity";
export * from "./tenancy";
export * from "./catalog";
export * from "./audit";
export * from "./account";
