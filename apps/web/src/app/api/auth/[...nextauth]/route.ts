import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { withPublicUrl } from "@/server/auth/public-url";

export const dynamic = "force-dynamic";

export function GET(req: NextRequest) {
  return handlers.GET(withPublicUrl(req));
}

export function POST(req: NextRequest) {
  return handlers.POST(withPublicUrl(req));
}
