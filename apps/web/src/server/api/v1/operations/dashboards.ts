import { createDashboard, createDashboardInput, createDashboardOutput } from "../../../services/dashboard/create";
import { dashboardById, dashboardByIdInput, dashboardByIdOutput } from "../../../services/dashboard/byId";
import { dashboardData, dashboardDataInput, dashboardDataOutput } from "../../../services/dashboard/data";
import { deleteDashboard, deleteDashboardOutput } from "../../../services/dashboard/delete";
import { listDashboardsAfter, listDashboardsAfterInput, listDashboardsAfterOutput } from "../../../services/dashboard/listAfter";
import { updateDashboard, updateDashboardChanges, updateDashboardOutput } from "../../../services/dashboard/update";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const idParams = dashboardByIdInput.pick({ id: true }).strict();
const tag = "Dashboards";

export const dashboardOperations = [
  defineOperation({
    operationId: "listDashboards",
    method: "GET",
    path: "/dashboards",
    tag,
    summary: "List dashboards",
    description:
      "The tenant's dashboards by name, each with its layout and version; `search` keeps names containing it (any case). " +
      "Page with `limit` and `starting_after`.",
    scope: "dashboards:read",
    query: cursorQuery(listDashboardsAfterInput),
    status: 200,
    output: listDashboardsAfterOutput,
    handler: ({ scope, query }) => listDashboardsAfter(scope, fromCursorQuery(query)),
  }),
  defineOperation({
    operationId: "createDashboard",
    method: "POST",
    path: "/dashboards",
    tag,
    summary: "Create a dashboard",
    description:
      "Empty unless a layout is given. Widgets sit on a 12-column grid and may not overlap; every device a widget names must be " +
      "the tenant's (400 `unknown_device` otherwise).",
    scope: "dashboards:write",
    body: createDashboardInput.strict(),
    status: 201,
    output: createDashboardOutput,
    location: (d) => `/dashboards/${d.id}`,
    handler: ({ scope, body }) => createDashboard(scope, body),
  }),
  defineOperation({
    operationId: "getDashboard",
    method: "GET",
    path: "/dashboards/{id}",
    tag,
    summary: "Get a dashboard with its widgets",
    description: "The layout (widgets and their grid places) and the `version` a change must be made on.",
    scope: "dashboards:read",
    params: idParams,
    status: 200,
    output: dashboardByIdOutput,
    handler: ({ scope, params }) => dashboardById(scope, params),
  }),
  defineOperation({
    operationId: "updateDashboard",
    method: "PATCH",
    path: "/dashboards/{id}",
    tag,
    summary: "Rename a dashboard or save its layout",
    description:
      "Give the `version` you read and a new `name` and/or `layout` (the whole layout: it replaces the old one). If someone saved " +
      "the dashboard since that version the answer is 409 `dashboard_changed` and nothing changes: get it again and redo the change.",
    scope: "dashboards:write",
    params: idParams,
    body: updateDashboardChanges.strict(),
    status: 200,
    output: updateDashboardOutput,
    handler: ({ scope, params, body }) => updateDashboard(scope, { ...body, id: params.id }),
  }),
  defineOperation({
    operationId: "deleteDashboard",
    method: "DELETE",
    path: "/dashboards/{id}",
    tag,
    summary: "Delete a dashboard",
    description: "Its share links stop working at once.",
    scope: "dashboards:write",
    params: idParams,
    status: 200,
    output: deleteDashboardOutput,
    handler: ({ scope, params }) => deleteDashboard(scope, { id: params.id }),
  }),
  defineOperation({
    operationId: "getDashboardData",
    method: "GET",
    path: "/dashboards/{id}/data",
    tag,
    summary: "Get what a dashboard's widgets show",
    description:
      "Every widget's data in one call, as the console loads it: chart histories over each chart's own range (bucketed in " +
      "`timeZone`, default UTC), latest values, device counts, open alarms. A widget whose device or key is gone carries an " +
      "`error` and the others still load. `version` says which layout the data is for.",
    scope: "dashboards:read",
    params: idParams,
    query: dashboardDataInput.pick({ timeZone: true }).strict(),
    status: 200,
    output: dashboardDataOutput,
    handler: ({ scope, params, query }) => dashboardData(scope, { id: params.id, timeZone: query.timeZone, ranges: {} }),
  }),
];
