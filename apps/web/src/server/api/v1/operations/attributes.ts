import { z } from "zod";
import { getDeviceShadow, getDeviceShadowOutput } from "../../../services/deviceShadow/get";
import {
  updateDesiredAttributes,
  updateDesiredAttributesInput,
  updateDesiredAttributesOutput,
} from "../../../services/deviceShadow/updateDesired";
import { publicIdInput } from "../../../public-ids";
import { defineOperation } from "../operation";

const idParams = z.object({ id: publicIdInput("dev") }).strict();
const tag = "Attributes";

export const attributeOperations = [
  defineOperation({
    operationId: "getAttributes",
    method: "GET",
    path: "/devices/{id}/attributes",
    tag,
    summary: "A device's attributes (shadow)",
    description:
      "Reported attributes (from the device), desired ones (from the cloud), the shadow version and the desired keys not yet confirmed.",
    scope: "devices:read",
    params: idParams,
    status: 200,
    output: getDeviceShadowOutput,
    handler: ({ scope, params }) => getDeviceShadow(scope, { deviceId: params.id }),
  }),
  defineOperation({
    operationId: "setDesiredAttributes",
    method: "PATCH",
    path: "/devices/{id}/attributes/desired",
    tag,
    summary: "Set desired attributes",
    description:
      "A patch merged into the desired state (`null` removes a key), validated against the product's writable properties; the device gets it " +
      "on `v1/devices/me/attributes`. `expectedVersion` makes it conditional (409 `version_conflict`).",
    scope: "attributes:write",
    params: idParams,
    body: updateDesiredAttributesInput.omit({ deviceId: true }).strict(),
    status: 200,
    output: updateDesiredAttributesOutput,
    handler: ({ scope, params, body }) => updateDesiredAttributes(scope, { ...body, deviceId: params.id }),
  }),
];
