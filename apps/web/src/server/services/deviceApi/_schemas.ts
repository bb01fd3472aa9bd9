import { z } from "zod";

/** One refused value or parameter: which key (at which point's timestamp), and why. */
export const keyErrorSchema = z.object({ key: z.string(), reason: z.string(), ts: z.number().optional() });
