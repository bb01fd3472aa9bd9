import { handleCommandResponse } from "../../../../../../../server/device-api/commands";
import { deviceRoute } from "../../../../../../../server/device-api/http";

export const dynamic = "force-dynamic";

export const POST = deviceRoute("commands.response", async (req: Request, ctx: { params: Promise<{ id: string }> }) =>
  handleCommandResponse(req, (await ctx.params).id),
);
