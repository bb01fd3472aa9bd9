import { createTRPCRouter } from "../../trpc";
import { byId } from "./byId";
import { list } from "./list";
import { start } from "./start";

export const telemetryExportRouter = createTRPCRouter({ start, byId, list });
