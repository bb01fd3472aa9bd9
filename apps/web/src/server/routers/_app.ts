import { createCallerFactory, createTRPCRouter } from "../trpc";
import { accountRouter } from "./account/_router";
import { apiKeyRouter } from "./apiKey/_router";
import { oauthAppRouter } from "./oauthApp/_router";
import { oauthGrantRouter } from "./oauthGrant/_router";
import { auditRouter } from "./audit/_router";
import { authRouter } from "./auth/_router";
import { commandRouter } from "./command/_router";
import { deviceRouter } from "./device/_router";
import { deviceActivityRouter } from "./deviceActivity/_router";
import { deviceShadowRouter } from "./deviceShadow/_router";
import { historyRouter } from "./history/_router";
import { invitationRouter } from "./invitation/_router";
import { memberRouter } from "./member/_router";
import { productRouter } from "./product/_router";
import { telemetryRouter } from "./telemetry/_router";
import { telemetryExportRouter } from "./telemetryExport/_router";
import { tenantRouter } from "./tenant/_router";
import { alertRuleRouter } from "./alertRule/_router";
import { alarmRouter } from "./alarm/_router";
import { notificationRouter } from "./notification/_router";
import { webhookRouter } from "./webhook/_router";
import { queueRouter } from "./queue/_router";
import { platformTenantRouter } from "./platformTenant/_router";
import { sessionRouter } from "./session/_router";
import { dashboardRouter } from "./dashboard/_router";
import { dashboardShareRouter } from "./dashboardShare/_router";

/**
 * The console's API. Tenant-scoped procedures take `tenantSlug`; ids are
 * prefixed public ids (`dev_…`, `prd_…`, `usr_…`, `inv_…`); lists take
 * `{ page, pageSize }` and return `{ items, total, page, pageSize }`.
 * Errors carry `data.reason` (stable code) and `data.details` ([{ path, message }]).
 */
export const appRouter = createTRPCRouter({
  auth: authRouter,
  account: accountRouter,
  session: sessionRouter,
  tenant: tenantRouter,
  member: memberRouter,
  invitation: invitationRouter,
  product: productRouter,
  device: deviceRouter,
  audit: auditRouter,
  telemetry: telemetryRouter,
  deviceShadow: deviceShadowRouter,
  deviceActivity: deviceActivityRouter,
  command: commandRouter,
  alertRule: alertRuleRouter,
  alarm: alarmRouter,
  notification: notificationRouter,
  webhook: webhookRouter,
  queue: queueRouter,
  platformTenant: platformTenantRouter,
  apiKey: apiKeyRouter,
  oauthApp: oauthAppRouter,
  oauthGrant: oauthGrantRouter,
  history: historyRouter,
  telemetryExport: telemetryExportRouter,
  dashboard: dashboardRouter,
  dashboardShare: dashboardShareRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller: `createCaller(ctx)` with a context from `createTRPCContext` (see `server/caller.ts` for RSC). */
export const createCaller = createCallerFactory(appRouter);
