import { signOutEverywhere as signOutEverywhereService, signOutEverywhereOutput } from "../../services/auth/signOutEverywhere";
import { authedProcedure } from "../../trpc";

/** Ends every session of the signed-in user on every device, this one included. */
export const signOutEverywhere = authedProcedure
  .output(signOutEverywhereOutput)
  .mutation(({ ctx }) => signOutEverywhereService(ctx.userScope));
