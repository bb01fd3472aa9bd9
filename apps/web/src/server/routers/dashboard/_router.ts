import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { byId } from "./byId";
import { data } from "./data";
import { create } from "./create";
import { update } from "./update";
import { deleteProcedure } from "./delete";

export const dashboardRouter = createTRPCRouter({ list, byId, data, create, update, delete: deleteProcedure });
