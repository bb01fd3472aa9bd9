import { revokeDashboardShare } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const revokeDashboardShareInput = z.object({ id: publicIdInput("shr") });
export const revokeDashboardShareOutput = z.object({ ok: z.literal(true) });

/** Revokes a share link: the next request with it (page load or refresh) is refused. */
export async function revokeShare(scope: Scope, input: z.output<typeof revokeDashboardShareInput>) {
  assertAllowed(scope, "device.write");
  const ok = await inTenant(scope, (tx) => revokeDashboardShare(tx, scope.tenant.id, input.id));
  if (!ok) throw notFound("Share link");
  await recordAudit(auditOf(scope), { action: "dashboard.unshare", targetType: "dashboardShare", targetId: publicId("shr", input.id) });
  return { ok: true as const };
}
