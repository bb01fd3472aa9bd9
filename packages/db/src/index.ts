export * from "./client";
export { executePrepared } from "./execute-prepared";
export * from "./tenant";
export * from "./roles";
export * as schema from "./schema";
export * from "./partitions";
export * from "./queries";
