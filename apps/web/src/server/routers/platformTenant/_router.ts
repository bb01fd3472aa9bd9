import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { setPlan } from "./setPlan";

export const platformTenantRouter = createTRPCRouter({ list, setPlan });
