import { createTRPCRouter } from "../../trpc";
import { create } from "./create";
import { list } from "./list";
import { revoke } from "./revoke";

export const apiKeyRouter = createTRPCRouter({ list, create, revoke });
