import {
  requestEmailVerification as requestEmailVerificationService,
  requestEmailVerificationOutput,
} from "../../services/account/requestEmailVerification";
import { authedProcedure } from "../../trpc";

/** Emails the signed-in user a link confirming their address. */
export const requestEmailVerification = authedProcedure
  .output(requestEmailVerificationOutput)
  .mutation(({ ctx }) => requestEmailVerificationService(ctx.user));
