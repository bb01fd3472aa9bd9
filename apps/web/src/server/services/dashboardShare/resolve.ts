import { dashboardLayoutSchema, hashSecret, type DashboardLayout } from "@aspen/core";
import { findActiveShareByHash, findDashboard, withSystem, withTenant, type ActiveShare } from "@aspen/db";
import { getDb, getSystemDb } from "../../db";
import type { RequestMeta } from "../../request-meta";
import { shareScope, type Scope } from "../scope";

export interface ResolvedShare {
  share: ActiveShare;
  /** The link's read-only scope in its tenant. */
  scope: Scope;
  name: string;
  /** Grows with every save of the dashboard. */
  version: number;
  /** The layout as the shared view shows it: command widgets left out. */
  layout: DashboardLayout;
}

/**
 * The dashboard a share token opens, or undefined when the link is unknown or revoked, its tenant
 * suspended or its dashboard deleted (callers answer all of these alike). The token names the
 * tenant: the link is found across tenants on the system connection, the dashboard then read in
 * that tenant only.
 */
export async function resolveShare(token: string, meta: RequestMeta): Promise<ResolvedShare | undefined> {
  const share = await withSystem(getSystemDb(), (tx) => findActiveShareByHash(tx, hashSecret(token)));
  if (!share || share.tenant.status !== "active") return undefined;
  const scope = shareScope({ db: getDb(), tenant: share.tenant, shareId: share.shareId, meta });
  const row = await withTenant(scope.db, share.tenant.id, (tx) => findDashboard(tx, share.tenant.id, share.dashboardId));
  if (!row) return undefined;
  const layout = { widgets: dashboardLayoutSchema.parse(row.layout).widgets.filter((w) => w.kind !== "command") };
  return { share, scope, name: row.name, version: row.version, layout };
}
