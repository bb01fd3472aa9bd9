import { createWebhook, createWebhookInput, createWebhookOutput } from "../../../services/webhook/create";
import { deleteWebhook, deleteWebhookOutput } from "../../../services/webhook/delete";
import { webhookById, webhookByIdInput, webhookByIdOutput } from "../../../services/webhook/byId";
import { listWebhooksAfter, listWebhooksAfterInput, listWebhooksAfterOutput } from "../../../services/webhook/listAfter";
import { rotateWebhookSecret, rotateWebhookSecretInput, rotateWebhookSecretOutput } from "../../../services/webhook/rotateSecret";
import { sendTestWebhook, sendTestWebhookOutput } from "../../../services/webhook/sendTest";
import { updateWebhook, updateWebhookInput, updateWebhookOutput } from "../../../services/webhook/update";
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
    operationId: "updateWebhook",
    method: "PATCH",
    path: "/webhooks/{id}",
    tag,
    summary: "Change a webhook endpoint",
    description:
      "Changes the URL (checked against private and loopback targets again), description, event types or enabled state; " +
      "fields left out stay as they are. Enabling clears the failure streak and the disabled reason.",
    scope: "webhooks:write",
    params: idParams,
    body: updateWebhookInput.omit({ id: true }).strict(),
    status: 200,
    output: updateWebhookOutput,
    handler: ({ scope, params, body }) => updateWebhook(scope, { ...body, id: params.id }),
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
  defineOperation({
    operationId: "enableWebhook",
    method: "POST",
    path: "/webhooks/{id}/enable",
    tag,
    summary: "Enable a webhook endpoint",
    description: "Also one that was disabled for failing or answering 410; its failure streak starts again.",
    scope: "webhooks:write",
    params: idParams,
    status: 200,
    output: updateWebhookOutput,
    handler: ({ scope, params }) => updateWebhook(scope, { id: params.id, enabled: true }),
  }),
  defineOperation({
    operationId: "disableWebhook",
    method: "POST",
    path: "/webhooks/{id}/disable",
    tag,
    summary: "Disable a webhook endpoint",
    description: "A disabled endpoint gets no events (a test event is still sent) until enabled again.",
    scope: "webhooks:write",
    params: idParams,
    status: 200,
    output: updateWebhookOutput,
    handler: ({ scope, params }) => updateWebhook(scope, { id: params.id, enabled: false }),
  }),
  defineOperation({
    operationId: "rotateWebhookSecret",
    method: "POST",
    path: "/webhooks/{id}/rotate-secret",
    tag,
    summary: "Rotate a webhook endpoint's signing secret",
    description:
      "The new secret (`whsec_…`) is in this answer only. For `overlapHours` (default 24, 0–72; the body may be left out) the " +
      "old secret signs too: each delivery carries both signatures, so receivers can switch without missing one.",
    scope: "webhooks:write",
    params: idParams,
    body: rotateWebhookSecretInput.omit({ id: true }).strict(),
    status: 200,
    output: rotateWebhookSecretOutput,
    handler: ({ scope, params, body }) => rotateWebhookSecret(scope, { ...body, id: params.id }),
  }),
  defineOperation({
    operationId: "sendTestWebhook",
    method: "POST",
    path: "/webhooks/{id}/test",
    tag,
    summary: "Send a test event",
    description:
      "Queues a `webhook.test` event for this endpoint (even a disabled one). The delivery is created at once; follow " +
      "`Location` to read its attempts.",
    scope: "webhooks:write",
    params: idParams,
    status: 201,
    output: sendTestWebhookOutput,
    location: (d) => `/webhooks/${d.endpointId}/deliveries/${d.deliveryId}`,
    handler: ({ scope, params }) => sendTestWebhook(scope, { id: params.id }),
  }),
];
