import { webhookUrlSchema } from "@aspen/core";
import { getEnv } from "../../../env";
import { appError } from "../../errors";
import { webhookTargetProblem } from "./target";

export const webhookUrlInput = webhookUrlSchema;

/** Refuses a URL whose host resolves to a forbidden address (checked again at every delivery). */
export async function assertWebhookTarget(url: string): Promise<void> {
  const problem = await webhookTargetProblem(url, { allowLoopback: getEnv().WEBHOOK_ALLOW_LOOPBACK });
  if (problem) throw appError("BAD_REQUEST", "forbidden_target", problem, [{ path: "url", message: problem }]);
}
