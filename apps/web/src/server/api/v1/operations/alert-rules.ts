import { alertRuleById, alertRuleByIdInput, alertRuleByIdOutput } from "../../../services/alertRule/byId";
import { createAlertRule, createAlertRuleInput, createAlertRuleOutput } from "../../../services/alertRule/create";
import { deleteAlertRule, deleteAlertRuleOutput } from "../../../services/alertRule/delete";
import { setAlertRuleEnabled, setAlertRuleEnabledOutput } from "../../../services/alertRule/setEnabled";
import { listAlertRulesAfter, listAlertRulesAfterInput, listAlertRulesAfterOutput } from "../../../services/alertRule/listAfter";
import { updateAlertRule, updateAlertRuleInput, updateAlertRuleOutput } from "../../../services/alertRule/update";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const idParams = alertRuleByIdInput.pick({ id: true }).strict();
const tag = "Alert rules";

export const alertRuleOperations = [
  defineOperation({
    operationId: "listAlertRules",
    method: "GET",
    path: "/alert-rules",
    tag,
    summary: "List alert rules",
    description: "Newest first, optionally of one product. Page with `limit` and `starting_after`.",
    scope: "rules:read",
    query: cursorQuery(listAlertRulesAfterInput),
    status: 200,
    output: listAlertRulesAfterOutput,
    handler: ({ scope, query }) => listAlertRulesAfter(scope, fromCursorQuery(query)),
  }),
  defineOperation({
    operationId: "createAlertRule",
    method: "POST",
    path: "/alert-rules",
    tag,
    summary: "Create an alert rule",
    description: "A rule on one product's devices, checked against its thing model.",
    scope: "rules:write",
    body: createAlertRuleInput.strict(),
    status: 201,
    output: createAlertRuleOutput,
    location: (r) => `/alert-rules/${r.id}`,
    handler: ({ scope, body }) => createAlertRule(scope, body),
  }),
  defineOperation({
    operationId: "getAlertRule",
    method: "GET",
    path: "/alert-rules/{id}",
    tag,
    summary: "Get an alert rule",
    scope: "rules:read",
    params: idParams,
    status: 200,
    output: alertRuleByIdOutput,
    handler: ({ scope, params }) => alertRuleById(scope, params),
  }),
  defineOperation({
    operationId: "updateAlertRule",
    method: "PUT",
    path: "/alert-rules/{id}",
    tag,
    summary: "Replace an alert rule",
    scope: "rules:write",
    params: idParams,
    body: updateAlertRuleInput.omit({ id: true }).strict(),
    status: 200,
    output: updateAlertRuleOutput,
    handler: ({ scope, params, body }) => updateAlertRule(scope, { ...body, id: params.id }),
  }),
  defineOperation({
    operationId: "deleteAlertRule",
    method: "DELETE",
    path: "/alert-rules/{id}",
    tag,
    summary: "Delete an alert rule",
    scope: "rules:write",
    params: idParams,
    status: 200,
    output: deleteAlertRuleOutput,
    handler: ({ scope, params }) => deleteAlertRule(scope, { id: params.id }),
  }),
  defineOperation({
    operationId: "enableAlertRule",
    method: "POST",
    path: "/alert-rules/{id}/enable",
    tag,
    summary: "Enable an alert rule",
    description: "The rule is evaluated again within seconds.",
    scope: "rules:write",
    params: idParams,
    status: 200,
    output: setAlertRuleEnabledOutput,
    handler: ({ scope, params }) => setAlertRuleEnabled(scope, { id: params.id, enabled: true }),
  }),
  defineOperation({
    operationId: "disableAlertRule",
    method: "POST",
    path: "/alert-rules/{id}/disable",
    tag,
    summary: "Disable an alert rule",
    description: "The rule raises no new alarms; its open alarms stay as they are.",
    scope: "rules:write",
    params: idParams,
    status: 200,
    output: setAlertRuleEnabledOutput,
    handler: ({ scope, params }) => setAlertRuleEnabled(scope, { id: params.id, enabled: false }),
  }),
];
