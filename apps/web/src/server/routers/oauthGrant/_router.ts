import { createTRPCRouter } from "../../trpc";
import { mine } from "./mine";
import { revoke } from "./revoke";

/** A user's own OAuth grants (connected apps). */
export const oauthGrantRouter = createTRPCRouter({ mine, revoke });
