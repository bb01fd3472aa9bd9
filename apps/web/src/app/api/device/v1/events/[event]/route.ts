import { handleEvent } from "../../../../../../server/device-api/events";
import { deviceRoute } from "../../../../../../server/device-api/http";

export const dynamic = "force-dynamic";

export const POST = deviceRoute("events", async (req: Request, ctx: { params: Promise<{ event: string }> }) =>
  handleEvent(req, (await ctx.params).event),
);
