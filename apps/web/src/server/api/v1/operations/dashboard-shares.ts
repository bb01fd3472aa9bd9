import { createDashboardShareOutput, createShare } from "../../../services/dashboardShare/create";
import { listDashboardSharesOutput, listShares } from "../../../services/dashboardShare/list";
import { revokeDashboardShareInput, revokeDashboardShareOutput, revokeShare } from "../../../services/dashboardShare/revoke";
import { dashboardByIdInput } from "../../../services/dashboard/byId";
import { defineOperation } from "../operation";

const dashboardParams = dashboardByIdInput.pick({ id: true }).strict();
const tag = "Dashboards";

export const dashboardShareOperations = [
  defineOperation({
    operationId: "listDashboardShares",
    method: "GET",
    path: "/dashboards/{id}/shares",
    tag,
    summary: "List a dashboard's share links",
    description:
      "Newest first, revoked ones with when. Tokens are not shown again, only a hint (`abcd…wxyz`). Sharing is editing: it needs the write scope.",
    scope: "dashboards:write",
    params: dashboardParams,
    status: 200,
    output: listDashboardSharesOutput,
    handler: ({ scope, params }) => listShares(scope, { dashboardId: params.id }),
  }),
  defineOperation({
    operationId: "createDashboardShare",
    method: "POST",
    path: "/dashboards/{id}/shares",
    tag,
    summary: "Create a share link",
    description:
      "A secret read-only link: anyone with `/share/<token>` sees the dashboard signed out (without command widgets; device " +
      "counts and alarms of its own devices only) until it is revoked. The `token` is in this answer only; Aspen keeps its " +
      "SHA-256. `Location` is the dashboard's list of share links.",
    scope: "dashboards:write",
    params: dashboardParams,
    status: 201,
    output: createDashboardShareOutput,
    location: (s) => `/dashboards/${s.share.dashboardId}/shares`,
    handler: ({ scope, params }) => createShare(scope, { dashboardId: params.id }),
  }),
  defineOperation({
    operationId: "revokeDashboardShare",
    method: "POST",
    path: "/dashboard-shares/{id}/revoke",
    tag,
    summary: "Revoke a share link",
    description: "The next request with the link is refused. A link already revoked answers 404.",
    scope: "dashboards:write",
    params: revokeDashboardShareInput.pick({ id: true }).strict(),
    status: 200,
    output: revokeDashboardShareOutput,
    handler: ({ scope, params }) => revokeShare(scope, { id: params.id }),
  }),
];
