import { createTRPCRouter } from "../../trpc";
import { accept } from "./accept";
import { byToken } from "./byToken";

export const invitationRouter = createTRPCRouter({ byToken, accept });
