import { createTRPCRouter } from "../../trpc";
import { byId } from "./byId";
import { list } from "./list";
import { send } from "./send";

export const commandRouter = createTRPCRouter({
  send,
  list,
  byId,
});
