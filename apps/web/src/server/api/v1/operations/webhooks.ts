import { createWebhook, createWebhookInput, createWebhookOutput } from "../../../services/webhook/create";
import { deleteWebhook, deleteWebhookOutput } from "../../../services/webhook/delete";
import { webhookById, webhookByIdInput, webhookByIdOutput } from "../../../services/webhook/byId";
import { listWebhooksAfter, listWebhooksAfterInput, listWebhooksAfterOutput } from "../../../services/webhook/listAfter";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const idParams = webhookByIdInput.pick({ id: true }).strict();
const tag = "Webhooks";

export const webhookOperations = [
  defineOperation({
    operationId: "listWebhooks",
    method: "GET",
    path: "/webhooks",
    tag,
    summary: "List webhook endpoints",
    description: "Newest first. Page with `limit` and `starting_after`.",
    scope: "webhooks:read",
    query: cursorQuery(listWebhooksAfterInput),
    status: 200,
    output: listWebhooksAfterOutput,
    handler: ({ scope, query }) => listWebhooksAfter(scope, fromCursorQuery(query)),
  }),
  defineOperation({
    operationId: "createWebhook",
    method: "POST",
    path: "/webhooks",
    tag,
    summary: "Create a webhook endpoint",
    description:
      "Deliveries are signed (Standard Webhooks); the signing secret (`whsec_…`) is in this answer only. Private and loopback targets are refused.",
    scope: "webhooks:write",
    body: createWebhookInput.strict(),
    status: 201,
    output: createWebhookOutput,
    location: (w) => `/webhooks/${w.endpoint.id}`,
    handler: ({ scope, body }) => createWebhook(scope, body),
  }),
  defineOperation({
    operationId: "getWebhook",
    method: "GET",
    path: "/webhooks/{id}",
    tag,
    summary: "Get a webhook endpoint",
    scope: "webhooks:read",
    params: idParams,
    status: 200,
    output: webhookByIdOutput,
    handler: ({ scope, params }) => webhookById(scope, params),
  }),
  defineOperation({
    operationId: "deleteWebhook",
    method: "DELETE",
    path: "/webhooks/{id}",
    tag,
    summary: "Delete a webhook endpoint",
    scope: "webhooks:write",
    params: idParams,
    status: 200,
    output: deleteWebhookOutput,
    handler: ({ scope, params }) => deleteWebhook(scope, { id: params.id }),
  }),
];
