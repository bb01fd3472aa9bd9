import { acknowledgeAlarm, acknowledgeAlarmInput, acknowledgeAlarmOutput } from "../../../services/alarm/acknowledge";
import { activeAlarmCount, activeAlarmCountOutput } from "../../../services/alarm/activeCount";
import { alarmById, alarmByIdInput, alarmByIdOutput } from "../../../services/alarm/byId";
import { clearAlarm, clearAlarmInput, clearAlarmOutput } from "../../../services/alarm/clear";
import { listAlarmsAfter, listAlarmsAfterInput, listAlarmsAfterOutput } from "../../../services/alarm/listAfter";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const idParams = alarmByIdInput.pick({ id: true }).strict();
const tag = "Alarms";

export const alarmOperations = [
  defineOperation({
    operationId: "listAlarms",
    method: "GET",
    path: "/alarms",
    tag,
    summary: "List alarms",
    description:
      "Newest first (by first seen), filtered by severity and status (repeat the parameter for several: " +
      "`?status=active&status=acknowledged`), device, product, rule and time: `from` keeps alarms last seen at or after it, " +
      "`to` those first seen at or before it. Page with `limit` and `starting_after`.",
    scope: "alarms:read",
    query: cursorQuery(listAlarmsAfterInput),
    status: 200,
    output: listAlarmsAfterOutput,
    handler: ({ scope, query }) => listAlarmsAfter(scope, fromCursorQuery(query)),
  }),
  defineOperation({
    operationId: "getAlarmSummary",
    method: "GET",
    path: "/alarms/summary",
    tag,
    summary: "Count open alarms",
    description: "Alarms not yet cleared (active or acknowledged), in all and by severity: what the console's header badge shows.",
    scope: "alarms:read",
    status: 200,
    output: activeAlarmCountOutput,
    handler: ({ scope }) => activeAlarmCount(scope, {}),
  }),
  defineOperation({
    operationId: "getAlarm",
    method: "GET",
    path: "/alarms/{id}",
    tag,
    summary: "Get an alarm and its timeline",
    description: "The timeline (created, acknowledged, cleared, with who and their comment) is oldest first.",
    scope: "alarms:read",
    params: idParams,
    status: 200,
    output: alarmByIdOutput,
    handler: ({ scope, params }) => alarmById(scope, params),
  }),
  defineOperation({
    operationId: "acknowledgeAlarm",
    method: "POST",
    path: "/alarms/{id}/acknowledge",
    tag,
    summary: "Acknowledge an alarm",
    description:
      "Says someone is on it, with an optional comment (the body may be left out). Only an active alarm can be acknowledged " +
      "(409 `alarm_not_active` otherwise). The alarm names the member behind the token: the key's creator, the user who " +
      "granted the app, or for an app's own (client-credentials) token the admin who registered it.",
    scope: "alarms:write",
    params: idParams,
    body: acknowledgeAlarmInput.omit({ id: true }).strict(),
    status: 200,
    output: acknowledgeAlarmOutput,
    handler: ({ scope, params, body }) => acknowledgeAlarm(scope, { ...body, id: params.id }),
  }),
  defineOperation({
    operationId: "clearAlarm",
    method: "POST",
    path: "/alarms/{id}/clear",
    tag,
    summary: "Clear an alarm",
    description:
      "Clears an active or acknowledged alarm by hand, with an optional comment (the body may be left out); the rule can raise " +
      "a new one for the device afterwards. A cleared alarm answers 409 `alarm_cleared`. The alarm names the member behind " +
      "the token, as for acknowledging.",
    scope: "alarms:write",
    params: idParams,
    body: clearAlarmInput.omit({ id: true }).strict(),
    status: 200,
    output: clearAlarmOutput,
    handler: ({ scope, params, body }) => clearAlarm(scope, { ...body, id: params.id }),
  }),
];
