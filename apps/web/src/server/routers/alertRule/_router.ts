import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { byId } from "./byId";
import { create } from "./create";
import { update } from "./update";
import { deleteProcedure } from "./delete";
import { setEnabled } from "./setEnabled";

export const alertRuleRouter = createTRPCRouter({
  list,
  byId,
  create,
  update,
  delete: deleteProcedure,
  setEnabled,
});
