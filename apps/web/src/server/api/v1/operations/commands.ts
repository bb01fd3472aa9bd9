import { z } from "zod";
import { getCommand, getCommandInput, getCommandOutput } from "../../../services/command/byId";
import { listCommandsAfter, listCommandsAfterInput, listCommandsAfterOutput } from "../../../services/command/listAfter";
import { sendCommand, sendCommandInput, sendCommandOutput } from "../../../services/command/send";
import { publicIdInput } from "../../../public-ids";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const deviceParams = z.object({ id: publicIdInput("dev") }).strict();
const tag = "Commands";

export const commandOperations = [
  defineOperation({
    operationId: "sendCommand",
    method: "POST",
    path: "/devices/{id}/commands",
    tag,
    summary: "Send a command to a device",
    description:
      "A thing-model command with validated params. Queued until the device is online (up to `ttlSeconds`), then sent on " +
      "`v1/devices/me/rpc/request/<requestId>`; the device must answer within `timeoutMs`. Poll `GET /commands/{id}` for the result.",
    scope: "commands:write",
    params: deviceParams,
    body: sendCommandInput.omit({ deviceId: true }).strict(),
    status: 201,
    output: sendCommandOutput,
    location: (c) => `/commands/${c.id}`,
    handler: ({ scope, params, body }) => sendCommand(scope, { ...body, deviceId: params.id }),
  }),
  defineOperation({
    operationId: "listCommands",
    method: "GET",
    path: "/devices/{id}/commands",
    tag,
    summary: "List a device's commands",
    description: "Newest first, optionally of one status. Page with `limit` and `starting_after`.",
    scope: "commands:read",
    params: deviceParams,
    query: cursorQuery(listCommandsAfterInput.omit({ deviceId: true })),
    status: 200,
    output: listCommandsAfterOutput,
    handler: ({ scope, params, query }) => listCommandsAfter(scope, { ...fromCursorQuery(query), deviceId: params.id }),
  }),
  defineOperation({
    operationId: "getCommand",
    method: "GET",
    path: "/commands/{id}",
    tag,
    summary: "Get a command and its result",
    description: "queued → sent → succeeded | failed | timed_out, or expired while queued; `response` is what the device answered.",
    scope: "commands:read",
    params: getCommandInput.pick({ id: true }).strict(),
    status: 200,
    output: getCommandOutput,
    handler: ({ scope, params }) => getCommand(scope, params),
  }),
];
