import { apiScopes, apiScopeTable } from "@aspen/core";
import { apiScopesEn } from "../../../i18n/apiScopes.en";
import { errorBodySchema } from "./errors";
import { toJsonSchema, type JsonSchema } from "./json-schema";
import { bodyIsOptional, type Operation } from "./operation";
import { apiBasePath } from "./router";
import { nameResourceSchemas } from "./schema-names";

/** Plain-words description of each scope: the English words the API keys page and consent page show. */
export const scopeDescriptions = apiScopesEn;

const tagDescriptions: Record<string, string> = {
  Products: "Device models: the thing model (properties, events, commands) validates what their devices send.",
  Devices: "Registered devices: credentials, labels, enablement and state.",
  Telemetry: "Time series the devices send: latest values and history, aggregated like the console's charts.",
  Attributes: "The device shadow: attributes the device reported and the desired ones the cloud asks for.",
  Commands: "Commands (RPC) sent to devices and their results.",
  Audit: "Who did what in the tenant, when and from where.",
  "Alert rules": "Rules on products' telemetry, events and presence that raise alarms.",
  Alarms: "Alarms the rules raised: at most one open per rule and device; acknowledged and cleared by members or automatically.",
  Webhooks: "Endpoints that receive signed (Standard Webhooks) event deliveries, their delivery log, replays and test events.",
  Dashboards: "Dashboards of widgets over the devices' data, the data they show, and secret read-only share links.",
  Notifications:
    "A user's own notifications (alarms, disabled webhooks, digests) and notification preferences: only for tokens acting for a user.",
};

const statusText: Record<number, string> = {
  400: "The request is malformed or fails validation (`invalid_input`, `invalid_json`)",
  401: "No valid bearer token (`unauthenticated`, `invalid_token`)",
  403: "The token lacks the scope or its owner's role lacks the permission (`insufficient_scope`, `forbidden`)",
  404: "No such resource in the token's tenant (`not_found`)",
  409: "Conflicts with the current state, or an Idempotency-Key reused with another body",
  413: "Body larger than 1 MiB (`payload_too_large`)",
  429: "Rate limit spent (`rate_limited`); see Retry-After",
};

const rateHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per minute for this token", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current window", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets", schema: { type: "integer" } },
};

function parameters(op: Operation, defs: Record<string, JsonSchema>) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const js = toJsonSchema(schema, "input", defs) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = prop as { description?: string };
      out.push({
        name,
        in: where,
        required: where === "path" || (js.required ?? []).includes(name),
        schema: rest,
        // Arrays as the router reads them: the parameter repeated (`?status=a&status=b`).
        ...((rest as { type?: string }).type === "array" ? { style: "form", explode: true } : {}),
        ...(description ? { description } : {}),
      });
    }
  }
  if (op.status === 201) {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Repeat a creating request safely: within 24 h the same key and body get the first answer again; another body is a 409.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return out;
}

/** The OpenAPI 3.1 document of `operations`, generated from their zod schemas. */
export function buildOpenApiDocument(operations: readonly Operation[], opts: { serverUrl: string }) {
  nameResourceSchemas();
  const defs: Record<string, JsonSchema> = {};
  // A named schema (`.meta({ id: "Error" })`): the answer is a $ref and the schema lands in `defs`.
  const errorRef = toJsonSchema(errorBodySchema, "output", defs);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {
      [op.status]: {
        description: op.status === 201 ? "Created" : "OK",
        headers: {
          ...rateHeaders,
          ...(op.status === 201 ? { Location: { description: "The created resource", schema: { type: "string" } } } : {}),
        },
        content: { "application/json": { schema: toJsonSchema(op.output, "output", defs) } },
      },
    };
    const codes = [400, 401, 403, 404, 429, ...(op.body ? [413] : []), ...(op.method !== "GET" ? [409] : [])].sort();
    for (const code of codes) responses[code] = { description: statusText[code], content: { "application/json": { schema: errorRef } } };
    const item: Record<string, unknown> = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      description: `${op.description ? `${op.description}\n\n` : ""}Scope: \`${op.scope}\`.`,
      security: [{ oauth2: [op.scope] }, { apiKey: [op.scope] }],
      parameters: parameters(op, defs),
      responses,
    };
    if (op.body)
      item.requestBody = {
        required: !bodyIsOptional(op),
        content: { "application/json": { schema: toJsonSchema(op.body, "input", defs) } },
      };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = item;
  }
  const scopes = Object.fromEntries(apiScopes.map((s) => [s, `${scopeDescriptions[s]} (grants ${apiScopeTable[s].join(", ")})`]));
  return {
    openapi: "3.1.0",
    info: {
      title: "Aspen IoT Cloud API",
      version: "1.0.0",
      description:
        "The REST API of one tenant. Authenticate with an API key (`ak_…`, made in the console) or an OAuth 2 access token, " +
        "sent as `Authorization: Bearer <token>`. A token acts in exactly one tenant with its scopes, intersected with the " +
        "role of the member who granted it. Lists page with `limit` and `starting_after`. Errors are " +
        '`{"error":{"code","message","details"}}`. Each token may make 600 requests per minute unless the plan says otherwise.',
      license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" },
    },
    servers: [{ url: `${opts.serverUrl}${apiBasePath}` }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name, description: tagDescriptions[name] ?? name })),
    security: [{ oauth2: [] }, { apiKey: [] }],
    paths,
    components: {
      schemas: defs,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "ak_…", description: "An API key created under Settings → API keys." },
        oauth2: {
          type: "oauth2",
          description: "Third-party apps registered by a tenant admin. Authorization code requires PKCE (S256).",
          flows: {
            authorizationCode: {
              authorizationUrl: `${opts.serverUrl}/oauth/authorize`,
              tokenUrl: `${opts.serverUrl}/oauth/token`,
              refreshUrl: `${opts.serverUrl}/oauth/token`,
              scopes,
            },
            clientCredentials: { tokenUrl: `${opts.serverUrl}/oauth/token`, scopes },
          },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
