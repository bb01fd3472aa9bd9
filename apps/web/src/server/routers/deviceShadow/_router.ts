import { createTRPCRouter } from "../../trpc";
import { get } from "./get";
import { updateDesired } from "./updateDesired";

export const deviceShadowRouter = createTRPCRouter({
  get,
  updateDesired,
});
