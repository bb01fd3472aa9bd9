import { viewSharedDashboard, viewSharedDashboardInput, viewSharedDashboardOutput } from "../../services/dashboardShare/view";
import { publicProcedure } from "../../trpc";

/** A shared dashboard with its data. Public: the token is the secret (revoked: NOT_FOUND). */
export const view = publicProcedure
  .input(viewSharedDashboardInput)
  .output(viewSharedDashboardOutput)
  .query(({ ctx, input }) => viewSharedDashboard(input, ctx.meta));
