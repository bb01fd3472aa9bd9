import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/server/auth";
import { createCaller } from "@/server/routers/_app";
import { createTRPCContext } from "@/server/trpc";

/** The signed-in session for this request (null when signed out or revoked), resolved once per render. */
export const getSession = cache(async () => auth());

/** A tRPC caller for server components: same procedures, same checks, no HTTP. */
export const getCaller = cache(async () => {
  const [h, session] = await Promise.all([headers(), getSession()]);
  return createCaller(createTRPCContext({ headers: new Headers(h), session }));
});
