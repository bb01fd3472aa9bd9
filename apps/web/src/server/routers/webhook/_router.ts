import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { byId } from "./byId";
import { create } from "./create";
import { update } from "./update";
import { deleteProcedure } from "./delete";
import { rotateSecret } from "./rotateSecret";
import { deliveries } from "./deliveries";
import { replay } from "./replay";
import { sendTest } from "./sendTest";

export const webhookRouter = createTRPCRouter({
  list,
  byId,
  create,
  update,
  delete: deleteProcedure,
  rotateSecret,
  deliveries,
  replay,
  sendTest,
});
