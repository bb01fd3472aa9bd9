import { handleGetCommands } from "../../../../../server/device-api/commands";
import { deviceRoute } from "../../../../../server/device-api/http";

export const dynamic = "force-dynamic";

export const GET = deviceRoute("commands.list", handleGetCommands);
