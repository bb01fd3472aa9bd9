import { createTRPCRouter } from "../../trpc";
import { bulkCheck } from "./bulkCheck";
import { bulkCreate } from "./bulkCreate";
import { byId } from "./byId";
import { create } from "./create";
import { deleteDevice } from "./delete";
import { list } from "./list";
import { rotateSecret } from "./rotateSecret";
import { setEnabled } from "./setEnabled";
import { update } from "./update";

export const deviceRouter = createTRPCRouter({
  list,
  byId,
  create,
  bulkCreate,
  bulkCheck,
  update,
  setEnabled,
  rotateSecret,
  delete: deleteDevice,
});
