import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { revoke } from "./revoke";

export const sessionRouter = createTRPCRouter({ list, revoke });
