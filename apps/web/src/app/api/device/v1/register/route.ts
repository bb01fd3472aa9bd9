import { deviceRoute } from "../../../../../server/device-api/http";
import { handleRegister } from "../../../../../server/device-api/register";

export const dynamic = "force-dynamic";

export const POST = deviceRoute("register", handleRegister);
