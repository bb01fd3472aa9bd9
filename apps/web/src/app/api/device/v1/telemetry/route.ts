import { deviceRoute } from "../../../../../server/device-api/http";
import { handleTelemetry } from "../../../../../server/device-api/telemetry";

export const dynamic = "force-dynamic";

export const POST = deviceRoute("telemetry", handleTelemetry);
