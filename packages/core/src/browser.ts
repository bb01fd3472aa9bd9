// Browser-safe part of @aspen/core (no node:crypto): client components import "@aspen/core/browser".

// CSV cells (formula-injection safe)
export { csvCell } from "./csv/cell";

// JSON input limits
export { MAX_JSON_DEPTH, jsonDepth, jsonTooDeep } from "./json/depth";

// Thing model
export { identifierPattern, identifierSchema } from "./thing-model/identifier";
export { dataTypes, type DataType, type DataSpec } from "./thing-model/data-spec";
export {
  thingModelSchema,
  propertySchema,
  paramSchema,
  eventSchema,
  commandSchema,
  eventLevels,
  type ThingModel,
  type ThingModelInput,
  type Property,
  type Param,
  type ThingEvent,
  type Command,
  type EventLevel,
} from "./thing-model/schema";
export { parseThingModel, type ParseThingModelResult, type ThingModelError } from "./thing-model/parse";
export { thingModelReasons, type ThingModelReason } from "./thing-model/reasons";
export { valueSchema, type PrimitiveValue } from "./thing-model/value-schema";
export { type UnknownKeys, type ValueError, type ValidatedValues } from "./thing-model/validate-values";
export { compileThingModel, type CompiledThingModel, type CompileOptions, type ValuesSchema } from "./thing-model/compile";

// Telemetry
export { parseTelemetryPayload, type ParseTelemetryResult, type TelemetryPoint, type TelemetryPayloadOptions } from "./telemetry/payload";
export { valueColumns, type ValueColumns } from "./telemetry/value-columns";
export { mergeNewest } from "./telemetry/latest";
export { defaultFloatDecimals, propertyDecimals, roundToPrecision } from "./telemetry/precision";

// History
export {
  bucketWidths,
  chooseBucketSeconds,
  historySource,
  isTimeZone,
  maxChartPoints,
  maxSeries,
  rangeIssue,
  rawRangeMs,
  rollupRangeMs,
  zoneOffsetMinutes,
  zoneWholeHours,
  type HistorySource,
  type RangeIssue,
} from "./history/buckets";
export { csvLine, exportEncoding, exportFormats, jsonLine, type ExportFormat, type ExportRow } from "./history/export-format";

// Permissions
export { roles, isRole, roleRank, atLeast, type Role } from "./permissions/roles";
export { permissions, isPermission, rolePermissions, can, type Permission } from "./permissions/permissions";
export { canAssignRole } from "./permissions/assign-role";
export { breaksLastOwnerRule, takesOwnerAway } from "./permissions/last-owner";
export { intersectScopes } from "./permissions/scopes";

// Ids
export { idPrefixes, publicId, parsePublicId, type IdPrefix } from "./ids/public-id";

// Topics
export { deviceTopicPrefix, parseDeviceTopic, formatDeviceTopic, type DeviceTopic, type DeviceTopicKind } from "./topics/device-topic";
export { canPublish, allowedSubscription } from "./topics/device-acl";
export { internalTopic, parseInternalTopic, externalTopic, commandChannel, type InternalTopic } from "./topics/internal-topic";

// Credentials
export { mqttUsername, parseMqttUsername, type MqttUsername } from "./credentials/mqtt-username";
export { passwordPolicy } from "./credentials/password-policy";

// Plans
export {
  planIds,
  planIdSchema,
  defaultPlanId,
  plans,
  isPlanId,
  planOf,
  apiRateOverrideSchema,
  apiRequestsPerMinute,
  type PlanId,
  type Plan,
  type ApiRateOverride,
} from "./plans/plans";

// Tenant
export { slugSchema, slugPattern, reservedSlugs, slugify } from "./tenant/slug";
export { deviceNameSchema, deviceNamePattern } from "./tenant/device-name";
export {
  labelsSchema,
  labelKeyPattern,
  maxLabels,
  labelSeparator,
  parseLabelText,
  formatLabels,
  labelFilterPattern,
  parseLabelFilter,
  type Labels,
  type ParsedLabelText,
} from "./tenant/labels";
export { MAX_BULK_ROWS, checkBulkRows, type BulkImportRow, type BulkRowProblem, type CheckedBulkRow } from "./tenant/bulk-import";

// Audit
export { auditActions, isAuditAction, type AuditAction } from "./audit/actions";

// Environment
export { parseEnv, EnvError } from "./env/parse-env";

// Web ↔ broker pub/sub
export {
  channels,
  deviceRevokedMessage,
  productChangedMessage,
  deviceDesiredMessage,
  commandMessage,
  tenantChangedMessage,
  type Channels,
  type DeviceRevokedMessage,
  type ProductChangedMessage,
  type DeviceDesiredMessage,
  type CommandMessage,
} from "./events/channels";

// Ingest stream (broker / device HTTP API → worker)
export { ingestStreamKey, ingestStreamField, ingestBatchSchema, type IngestBatch } from "./events/ingest-stream";

// Alerts (rules, evaluation, summaries)
export {
  severities,
  comparisonOps,
  conditionSchema,
  compareConditionSchema,
  rangeConditionSchema,
  changeConditionSchema,
  telemetryTriggerSchema,
  offlineTriggerSchema,
  eventTriggerSchema,
  triggerSchema,
  clearSchema,
  actionsSchema,
  alertRuleSpecSchema,
  type Severity,
  type ComparisonOp,
  type Condition,
  type Trigger,
  type TelemetryTrigger,
  type ClearCondition,
  type AlertRuleSpec,
  type AlertRuleSpecInput,
} from "./alerts/rule-schema";
export { validateAlertRule, type RuleIssue } from "./alerts/validate-rule";
export {
  evaluatePoint,
  evaluatePoints,
  conditionHolds,
  groupHolds,
  initialState,
  stateFor,
  referencedProperties,
  eventMatches,
  offlineDue,
  targetsDevice,
  levelRank,
  maxWindowSamples,
  type PairState,
  type Effect,
  type Point,
  pushSample,
  copyWindows,
  windowOf,
  type Sample,
  type Window,
} from "./alerts/evaluate";
export {
  addDeviceNeeds,
  advanceWindows,
  advanceWindowsWithin,
  emptyNeeds,
  mayHoldAt,
  type DeviceNeeds,
  type DeviceWindows,
  type Extremes,
  type PointView,
  type WindowNeed,
} from "./alerts/shared-windows";
export { boundsOf, emptyBounds, mayHoldWithin, type ViewBounds } from "./alerts/view-bounds";
export { summarizeRule, type SummaryLocale } from "./alerts/summary";
export { alertStateKey, alertWindowsKey, alertRulesChangedChannel, alertRulesChangedMessage, alertRulesCacheTtlMs } from "./alerts/keys";

// Webhooks (event types, payloads, retry schedule, URL rules)
export {
  webhookEventTypes,
  optInEventTypes,
  testEventType,
  webhookDataSchemas,
  webhookPayloadSchema,
  webhookPayload,
  endpointWants,
  type WebhookEventType,
  type WebhookPayload,
} from "./webhooks/event-types";
export {
  webhookRetryDelaysMs,
  webhookMaxAttempts,
  webhookDisableAfterMs,
  webhookRetryDelay,
  isDelivered,
  disablesEndpoint,
} from "./webhooks/retry";
export { webhookUrlSchema, maxWebhookUrlLength } from "./webhooks/url";
// API scopes (API keys, OAuth apps)
export {
  apiScopeTable,
  apiScopes,
  isApiScope,
  scopePermissions,
  roleCoversScope,
  roleCoversScopes,
  parseScopeString,
  type ApiScope,
} from "./api/scopes";

// Dashboards
export {
  dashboardColumns,
  dashboardLayoutSchema,
  dashboardRanges,
  dashboardRangeWindow,
  layoutDeviceIds,
  layoutSeriesKeys,
  maxChartSeries,
  maxWidgets,
  nextRow,
  stackOrder,
  widgetKinds,
  widgetSchema,
  type DashboardLayout,
  type DashboardRange,
  type Widget,
  type WidgetInput,
  type WidgetKind,
} from "./dashboards/layout";
