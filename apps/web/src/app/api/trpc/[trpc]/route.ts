import { getEnv } from "@/env";
import { auth } from "@/server/auth";
import { handleTrpcRequest } from "@/server/trpc-handler";

export const dynamic = "force-dynamic";

function handler(req: Request): Promise<Response> {
  return handleTrpcRequest(req, { appUrl: getEnv().APP_URL, getSession: () => auth() });
}

export { handler as GET, handler as POST };
