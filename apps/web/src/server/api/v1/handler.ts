import { getEnv } from "../../../env";
import { buildOpenApiDocument, type OpenApiDocument } from "./openapi";
import { operations } from "./operations";
import { createApiHandler } from "./router";
import { fromFetchRequest, toResponse } from "./transport";

/** The /api/v1 router over every operation, without Fetch objects: what the launcher's bridge calls (see instrumentation.ts). */
export const answerApiRequest = createApiHandler(operations);

/** The same as a Fetch handler: what the catch-all route serves (under `next dev`, and what the bridge leaves to Next.js) and tests call. */
export async function handleApiRequest(req: Request): Promise<Response> {
  return toResponse(await answerApiRequest(fromFetchRequest(req)));
}

let doc: OpenApiDocument | undefined;

/** The OpenAPI document of /api/v1 (built once per process). */
export function openApiDocument(): OpenApiDocument {
  doc ??= buildOpenApiDocument(operations, { serverUrl: getEnv().APP_URL.replace(/\/$/, "") });
  return doc;
}
