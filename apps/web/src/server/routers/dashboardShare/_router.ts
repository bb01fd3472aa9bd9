import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { create } from "./create";
import { revoke } from "./revoke";
import { view } from "./view";

export const dashboardShareRouter = createTRPCRouter({ list, create, revoke, view });
