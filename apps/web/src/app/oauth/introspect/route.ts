import { handleIntrospect } from "../../../server/oauth/introspect-endpoint";

export const dynamic = "force-dynamic";

export const POST = handleIntrospect;
