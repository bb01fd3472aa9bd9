import { listTenantsForUser } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { authedProcedure } from "../../trpc";
import { toTenantDto } from "./_dto";

/** The tenants the signed-in user belongs to, with their role in each. */
export const list = authedProcedure.input(z.object({ ...pageInput }).default({ page: 1, pageSize: 20 })).query(async ({ ctx, input }) => {
  const page = await listTenantsForUser(ctx.systemDb, ctx.user.id, input);
  return mapPage(page, (t) => toTenantDto(t, t.role));
});
