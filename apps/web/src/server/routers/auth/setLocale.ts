import { setLocale as setLocaleService, setLocaleInput, setLocaleOutput } from "../../services/auth/setLocale";
import { authedProcedure } from "../../trpc";

/** Remembers the user's console language. */
export const setLocale = authedProcedure
  .input(setLocaleInput)
  .output(setLocaleOutput)
  .mutation(({ ctx, input }) => setLocaleService(ctx.userScope, input));
