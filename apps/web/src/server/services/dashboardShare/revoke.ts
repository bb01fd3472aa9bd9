import { revokeDashboardShare } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { notifyShareChanged } from "../../live/share-changed";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const revokeDashboardShareInput = z.object({ id: publicIdInput("shr") });
export const revokeDashboardShareOutput = z.object({ ok: z.literal(true) });

/** Revokes a share link: its open live views end at once, and every later request with it is refused. */
export async function revokeShare(scope: Scope, input: z.output<typeof revokeDashboardShareInput>) {
  assertAllowed(scope, "device.write");
  const revoked = await inTenant(scope, (tx) => revokeDashboardShare(tx, scope.tenant.id, input.id));
  if (!revoked) throw notFound("Share link");
  // Open views of the link close within moments (every web instance hears this).
  await notifyShareChanged({ tenantId: scope.tenant.id, dashboardId: revoked.dashboardId, reason: "share_revoked" });
  await recordAudit(auditOf(scope), { action: "dashboard.unshare", targetType: "dashboardShare", targetId: publicId("shr", input.id) });
  return { ok: true as const };
}
