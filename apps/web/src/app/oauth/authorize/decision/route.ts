import { handleDecision } from "../../../../server/oauth/decision-endpoint";

export const dynamic = "force-dynamic";

export const POST = handleDecision;
