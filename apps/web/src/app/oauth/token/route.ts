import { handleToken } from "../../../server/oauth/token-endpoint";

export const dynamic = "force-dynamic";

export const POST = handleToken;
