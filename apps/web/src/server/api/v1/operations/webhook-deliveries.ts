import { z } from "zod";
import { publicIdInput } from "../../../public-ids";
import {
  webhookDeliveriesAfter,
  webhookDeliveriesAfterInput,
  webhookDeliveriesAfterOutput,
} from "../../../services/webhook/deliveriesAfter";
import { webhookDeliveryById, webhookDeliveryByIdInput, webhookDeliveryByIdOutput } from "../../../services/webhook/deliveryById";
import { replayWebhookDelivery, replayWebhookDeliveryOutput } from "../../../services/webhook/replay";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const endpointParams = z.object({ id: publicIdInput("whk") }).strict();
const deliveryParams = webhookDeliveryByIdInput.strict();
const tag = "Webhooks";

export const webhookDeliveryOperations = [
  defineOperation({
    operationId: "listWebhookDeliveries",
    method: "GET",
    path: "/webhooks/{id}/deliveries",
    tag,
    summary: "List an endpoint's deliveries",
    description:
      "The delivery log, newest first, optionally of one status; each delivery with every attempt (request headers and body, " +
      "response status, body excerpt, duration). Page with `limit` and `starting_after`.",
    scope: "webhooks:read",
    params: endpointParams,
    query: cursorQuery(webhookDeliveriesAfterInput.omit({ id: true })),
    status: 200,
    output: webhookDeliveriesAfterOutput,
    handler: ({ scope, params, query }) => webhookDeliveriesAfter(scope, { ...fromCursorQuery(query), id: params.id }),
  }),
  defineOperation({
    operationId: "getWebhookDelivery",
    method: "GET",
    path: "/webhooks/{id}/deliveries/{deliveryId}",
    tag,
    summary: "Get a delivery and its attempts",
    scope: "webhooks:read",
    params: deliveryParams,
    status: 200,
    output: webhookDeliveryByIdOutput,
    handler: ({ scope, params }) => webhookDeliveryById(scope, params),
  }),
  defineOperation({
    operationId: "replayWebhookDelivery",
    method: "POST",
    path: "/webhooks/{id}/deliveries/{deliveryId}/replay",
    tag,
    summary: "Replay a delivery",
    description: "Sends the same body with the same `webhook-id` again, as a fresh round of attempts; `replay` counts the rounds.",
    scope: "webhooks:write",
    params: deliveryParams,
    status: 200,
    output: replayWebhookDeliveryOutput,
    handler: ({ scope, params }) => replayWebhookDelivery(scope, { id: params.id, deliveryId: params.deliveryId }),
  }),
];
