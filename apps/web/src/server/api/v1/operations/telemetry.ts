import { z } from "zod";
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
];
