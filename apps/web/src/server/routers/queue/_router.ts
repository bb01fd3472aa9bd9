import { createTRPCRouter } from "../../trpc";
import { failed } from "./failed";
import { overview } from "./overview";
import { retry } from "./retry";

export const queueRouter = createTRPCRouter({ overview, failed, retry });
