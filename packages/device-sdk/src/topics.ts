/** The ThingsBoard v1 device topics Aspen speaks (relative to the authenticated device). */
export const topics = {
  telemetry: "v1/devices/me/telemetry",
  attributes: "v1/devices/me/attributes",
  attributesRequest: (id: string | number) => `v1/devices/me/attributes/request/${id}`,
  attributesResponse: "v1/devices/me/attributes/response/+",
  rpcRequest: "v1/devices/me/rpc/request/+",
  rpcResponse: (id: string | number) => `v1/devices/me/rpc/response/${id}`,
  event: (event: string) => `v1/devices/me/events/${event}`,
} as const;

export const attributesResponsePrefix = "v1/devices/me/attributes/response/";
export const rpcRequestPrefix = "v1/devices/me/rpc/request/";
