import { getEnv } from "../../../env";
import { buildOpenApiDocument, type OpenApiDocument } from "./openapi";
import { operations } from "./operations";
import { createApiHandler } from "./router";

/** The /api/v1 request handler over every operation (what the catch-all route serves). */
export const handleApiRequest = createApiHandler(operations);

let doc: OpenApiDocument | undefined;

/** The OpenAPI document of /api/v1 (built once per process). */
export function openApiDocument(): OpenApiDocument {
  doc ??= buildOpenApiDocument(operations, { serverUrl: getEnv().APP_URL.replace(/\/$/, "") });
  return doc;
}
