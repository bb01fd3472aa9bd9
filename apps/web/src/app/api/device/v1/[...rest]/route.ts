import { errorResponse, DeviceApiError } from "../../../../../server/device-api/http";

export const dynamic = "force-dynamic";

/** Unknown device API paths answer in the API's JSON error shape rather than with an HTML page. */
function notFound(req: Request): Response {
  const path = new URL(req.url).pathname;
  return errorResponse(
    new DeviceApiError(
      404,
      "not_found",
      `No device API at ${req.method} ${path}. Endpoints: POST register, POST telemetry, GET/POST attributes, POST events/<event>, GET commands, POST commands/<id>/response.`,
    ),
  );
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
