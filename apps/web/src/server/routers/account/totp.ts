import {
  beginTotpOutput,
  beginTotpSetup,
  disableTotpInput,
  disableTotpOutput,
  disableTotpSetup,
  enableTotpInput,
  enableTotpOutput,
  enableTotpSetup,
  totpStatus as totpStatusService,
  totpStatusOutput,
} from "../../services/account/totp";
import { authedProcedure } from "../../trpc";

/** Whether two-factor authentication is on for the signed-in user. */
export const totpStatus = authedProcedure.output(totpStatusOutput).query(({ ctx }) => totpStatusService(ctx.user));

/** Starts a TOTP setup: the key as an otpauth:// URI and as text, shown once. */
export const totpBegin = authedProcedure.output(beginTotpOutput).mutation(({ ctx }) => beginTotpSetup(ctx.user));

/** Turns TOTP on with a current code; returns the recovery codes once. */
export const totpEnable = authedProcedure
  .input(enableTotpInput)
  .output(enableTotpOutput)
  .mutation(({ ctx, input }) => enableTotpSetup(ctx.meta, ctx.user, input));

/** Turns TOTP off (needs the password). */
export const totpDisable = authedProcedure
  .input(disableTotpInput)
  .output(disableTotpOutput)
  .mutation(({ ctx, input }) => disableTotpSetup(ctx.meta, ctx.user, input));
