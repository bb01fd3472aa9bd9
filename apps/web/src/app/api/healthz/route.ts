export { GET } from "../../healthz/route";

export const dynamic = "force-dynamic";
