import { bumpSessionVersion } from "@aspen/db";
import { recordAudit } from "../../audit";
import { authedProcedure } from "../../trpc";

/** Ends every session of the signed-in user on every device, this one included. */
export const signOutEverywhere = authedProcedure.mutation(async ({ ctx }) => {
  await bumpSessionVersion(ctx.systemDb, ctx.user.id);
  await recordAudit({ user: ctx.user, meta: ctx.meta }, { action: "user.logout", tenantId: null, details: { everywhere: true } });
  return { signedOut: true as const };
});
