import { handleRevoke } from "../../../server/oauth/revoke-endpoint";

export const dynamic = "force-dynamic";

export const POST = handleRevoke;
