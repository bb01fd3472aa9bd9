import { handleGetAttributes, handlePostAttributes } from "../../../../../server/device-api/attributes";
import { deviceRoute } from "../../../../../server/device-api/http";

export const dynamic = "force-dynamic";

export const GET = deviceRoute("attributes.get", handleGetAttributes);
export const POST = deviceRoute("attributes.post", handlePostAttributes);
