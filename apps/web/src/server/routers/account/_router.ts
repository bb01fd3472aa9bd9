import { createTRPCRouter } from "../../trpc";
import { requestPasswordReset } from "./requestPasswordReset";
import { resetPassword } from "./resetPassword";

export const accountRouter = createTRPCRouter({ requestPasswordReset, resetPassword });
