import { createTRPCRouter } from "../../trpc";
import { events } from "./events";
import { latest } from "./latest";
import { overview } from "./overview";
import { series } from "./series";

export const telemetryRouter = createTRPCRouter({
  latest,
  series,
  events,
  overview,
});
