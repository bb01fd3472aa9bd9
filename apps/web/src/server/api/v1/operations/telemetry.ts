import { z } from "zod";
import { telemetryHistory, telemetryHistoryInput, telemetryHistoryOutput } from "../../../services/telemetry/history";
import { latestTelemetry, latestTelemetryOutput } from "../../../services/telemetry/latest";
import { telemetrySeries, telemetrySeriesInput, telemetrySeriesOutput } from "../../../services/telemetry/series";
import { publicIdInput } from "../../../public-ids";
import { defineOperation } from "../operation";

const idParams = z.object({ id: publicIdInput("dev") }).strict();
const tag = "Telemetry";

export const telemetryOperations = [
  defineOperation({
    operationId: "getLatestTelemetry",
    method: "GET",
    path: "/devices/{id}/telemetry/latest",
    tag,
    summary: "Latest telemetry of a device",
    description:
      "The latest value of every thing-model property (null until reported), then undeclared keys; with online state and last seen.",
    scope: "telemetry:read",
    params: idParams,
    status: 200,
    output: latestTelemetryOutput,
    handler: ({ scope, params }) => latestTelemetry(scope, { deviceId: params.id }),
  }),
  defineOperation({
    operationId: "getTelemetryHistory",
    method: "GET",
    path: "/devices/{id}/telemetry/{key}/history",
    tag,
    summary: "Telemetry history of one key",
    description:
      "Values of one key over [from, to), aggregated as the console's charts are: `{ts, avg, min, max, count}` per `date_bin` bucket " +
      "(automatic width for about 600 points unless `bucketSeconds` is given), raw values for ranges up to 15 minutes. Booleans count as 0/1; strings are left out.",
    scope: "telemetry:read",
    params: z.object({ id: publicIdInput("dev"), key: telemetrySeriesInput.shape.key }).strict(),
    query: telemetrySeriesInput.omit({ deviceId: true, key: true }).strict(),
    status: 200,
    output: telemetrySeriesOutput,
    handler: ({ scope, params, query }) => telemetrySeries(scope, { ...query, deviceId: params.id, key: params.key }),
  }),
  defineOperation({
    operationId: "queryTelemetryHistory",
    method: "POST",
    path: "/telemetry/history",
    tag,
    summary: "History of up to 20 series, as the console's history section",
    description:
      "The console's history query: up to 20 (device, key) series over [from, to) in `timeZone` (IANA, default UTC). " +
      "Numeric properties as raw values when the range is at most an hour and holds at most 1,000 of them, else as " +
      "min/avg/max buckets sized for at most ~1,000 points (raw rows up to a day, the worker's 1-minute and 1-hour " +
      "rollups beyond; empty buckets have null values, the last one is `partial` while it fills); booleans, enums and " +
      "strings as their changes of value. Ranges outside the tenant's retention, inverted ranges and unknown keys are " +
      "refused. A query, so POST without `Idempotency-Key`: the series list does not fit a query string.",
    scope: "telemetry:read",
    body: telemetryHistoryInput.strict(),
    status: 200,
    output: telemetryHistoryOutput,
    handler: ({ scope, body }) => telemetryHistory(scope, body),
  }),
];
