import { createTRPCRouter } from "../../trpc";
import { list } from "./list";
import { byId } from "./byId";
import { acknowledge } from "./acknowledge";
import { clear } from "./clear";
import { activeCount } from "./activeCount";

export const alarmRouter = createTRPCRouter({
  list,
  byId,
  acknowledge,
  clear,
  activeCount,
});
