import { authedProcedure } from "../../trpc";

/** A signed-in user; the services check `platform_admin` themselves. */
export const platformProcedure = authedProcedure;
