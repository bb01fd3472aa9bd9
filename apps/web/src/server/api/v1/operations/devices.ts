import { getDevice, getDeviceInput, getDeviceOutput } from "../../../services/device/byId";
import { createDevice, createDeviceInput, createDeviceOutput } from "../../../services/device/create";
import { deleteDevice, deleteDeviceOutput } from "../../../services/device/delete";
import { listDevicesAfter, listDevicesAfterInput, listDevicesAfterOutput } from "../../../services/device/listAfter";
import { rotateDeviceSecret, rotateDeviceSecretOutput } from "../../../services/device/rotateSecret";
import { setDeviceEnabled, setDeviceEnabledOutput } from "../../../services/device/setEnabled";
import { updateDevice, updateDeviceInput, updateDeviceOutput } from "../../../services/device/update";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const idParams = getDeviceInput.pick({ id: true }).strict();
const tag = "Devices";

export const deviceOperations = [
  defineOperation({
    operationId: "listDevices",
    method: "GET",
    path: "/devices",
    tag,
    summary: "List devices",
    description:
      "Newest first, filtered by name search, product, status and one `key=value` label. Page with `limit` and `starting_after` (the previous page's `nextCursor`).",
    scope: "devices:read",
    query: cursorQuery(listDevicesAfterInput),
    status: 200,
    output: listDevicesAfterOutput,
    handler: ({ scope, query }) => listDevicesAfter(scope, fromCursorQuery(query)),
  }),
  defineOperation({
    operationId: "createDevice",
    method: "POST",
    path: "/devices",
    tag,
    summary: "Register a device",
    description: "The answer carries the device secret and MQTT settings: the only time the secret is returned.",
    scope: "devices:write",
    body: createDeviceInput.strict(),
    status: 201,
    output: createDeviceOutput,
    location: (d) => `/devices/${d.device.id}`,
    handler: ({ scope, body }) => createDevice(scope, body),
  }),
  defineOperation({
    operationId: "getDevice",
    method: "GET",
    path: "/devices/{id}",
    tag,
    summary: "Get a device",
    scope: "devices:read",
    params: idParams,
    status: 200,
    output: getDeviceOutput,
    handler: ({ scope, params }) => getDevice(scope, params),
  }),
  defineOperation({
    operationId: "updateDevice",
    method: "PATCH",
    path: "/devices/{id}",
    tag,
    summary: "Update a device's labels",
    scope: "devices:write",
    params: idParams,
    body: updateDeviceInput.omit({ id: true }).strict(),
    status: 200,
    output: updateDeviceOutput,
    handler: ({ scope, params, body }) => updateDevice(scope, { ...body, id: params.id }),
  }),
  defineOperation({
    operationId: "deleteDevice",
    method: "DELETE",
    path: "/devices/{id}",
    tag,
    summary: "Delete a device",
    description: "Disconnects it and deletes its telemetry, events and commands.",
    scope: "devices:write",
    params: idParams,
    status: 200,
    output: deleteDeviceOutput,
    handler: ({ scope, params }) => deleteDevice(scope, { id: params.id }),
  }),
  defineOperation({
    operationId: "enableDevice",
    method: "POST",
    path: "/devices/{id}/enable",
    tag,
    summary: "Enable a device",
    scope: "devices:write",
    params: idParams,
    status: 200,
    output: setDeviceEnabledOutput,
    handler: ({ scope, params }) => setDeviceEnabled(scope, { id: params.id, enabled: true }),
  }),
  defineOperation({
    operationId: "disableDevice",
    method: "POST",
    path: "/devices/{id}/disable",
    tag,
    summary: "Disable a device",
    description: "A disabled device is disconnected and refused by the broker until enabled again.",
    scope: "devices:write",
    params: idParams,
    status: 200,
    output: setDeviceEnabledOutput,
    handler: ({ scope, params }) => setDeviceEnabled(scope, { id: params.id, enabled: false }),
  }),
  defineOperation({
    operationId: "rotateDeviceSecret",
    method: "POST",
    path: "/devices/{id}/rotate-secret",
    tag,
    summary: "Rotate a device's secret",
    description: "The new secret is in this answer only; the device is disconnected and the old secret stops working.",
    scope: "devices:secrets",
    params: idParams,
    status: 200,
    output: rotateDeviceSecretOutput,
    handler: ({ scope, params }) => rotateDeviceSecret(scope, { id: params.id }),
  }),
];
