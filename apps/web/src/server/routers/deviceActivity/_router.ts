import { createTRPCRouter } from "../../trpc";
import { connections } from "./connections";
import { errors } from "./errors";

export const deviceActivityRouter = createTRPCRouter({
  connections,
  errors,
});
