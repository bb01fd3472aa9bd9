import { z } from "zod";
import { requestMeta } from "../../request-meta";
import { authenticate, principalScope, requireScope } from "./authenticate";
import { parseJsonBody, readBody } from "./body";
import { errorAnswer, invalidInput, restError, toRestError } from "./errors";
import { Idempotency } from "./idempotency";
import { toJsonSchema } from "./json-schema";
import { bodyIsOptional, type Operation } from "./operation";
import { consumeRate } from "./rate-limit";
import { countGrantRequest } from "../../oauth/usage";
import type { ApiAnswer, ApiRequest } from "./transport";
import { countApiCall } from "./usage";

/** Where the REST API is mounted. */
export const apiBasePath = "/api/v1";

const emptyObject = z.object({}).strict();

interface Compiled {
  op: Operation;
  pattern: RegExp;
  names: string[];
  /** Query fields documented as numbers, booleans or arrays: their strings are converted before validation. */
  queryTypes: Map<string, string>;
  /** An empty request body stands for `{}` (every body field is optional). */
  bodyOptional: boolean;
  /**
   * The query schema with unknown fields refused, made once: `.strict()` returns a new schema, which
   * zod compiles again on its first parse (~2 % of the web CPU of GET /devices when made per request).
   */
  query: z.ZodObject<z.ZodRawShape>;
}

/** The JSON types of an operation's query fields (from the same schema the document shows). */
function queryTypesOf(op: Operation): Map<string, string> {
  const types = new Map<string, string>();
  if (!op.query) return types;
  const js = toJsonSchema(op.query, "input", {}) as { properties?: Record<string, { type?: string; anyOf?: { type?: string }[] }> };
  for (const [name, prop] of Object.entries(js.properties ?? {})) {
    const t = prop.type ?? prop.anyOf?.find((a) => a.type && a.type !== "null")?.type;
    if (t === "integer" || t === "number" || t === "boolean" || t === "array") types.set(name, t);
  }
  return types;
}

function compile(op: Operation): Compiled {
  const names: string[] = [];
  const source = op.path
    .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === "{" || c === "}" ? c : `\\${c}`))
    .replace(/\{(\w+)\}/g, (_m, n: string) => {
      names.push(n);
      return "([^/]+)";
    });
  return {
    op,
    pattern: new RegExp(`^${source}$`),
    names,
    queryTypes: queryTypesOf(op),
    bodyOptional: bodyIsOptional(op),
    query: (op.query ?? emptyObject).strict(),
  };
}

function json(body: unknown, status: number, headers: Record<string, string>): ApiAnswer {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  };
}

/**
 * Query parameters as an object (a repeated parameter keeps its last value, unless the schema wants an
 * array: then every value, as OpenAPI's default `form` style with `explode` sends them:
 * `?severity=critical&severity=major`); numbers and booleans where the schema wants them, so
 * `?bucketSeconds=60` meets `z.int()`. Anything unparsable stays a string and fails validation with
 * the schema's message.
 */
function queryObject(url: URL, types: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams.entries()) {
    const t = types.get(k);
    if (t === "array") out[k] = url.searchParams.getAll(k);
    else if ((t === "integer" || t === "number") && v.trim() !== "" && Number.isFinite(Number(v))) out[k] = Number(v);
    else if (t === "boolean" && (v === "true" || v === "false")) out[k] = v === "true";
    else out[k] = v;
  }
  return out;
}

/**
 * Builds the request handler of /api/v1 over `operations`: route match, bearer auth, rate limit and usage
 * count, scope check, validation of path, query and body by the operation's schemas (unknown fields
 * refused), Idempotency-Key on creating POSTs, then the operation's service call, and one error shape.
 */
export function createApiHandler(operations: readonly Operation[]) {
  // Literal segments before templated ones (OpenAPI's rule): `/alarms/summary` is not `/alarms/{id}`.
  const compiled = operations.map(compile).sort((a, b) => a.names.length - b.names.length);

  return async function handle(req: ApiRequest): Promise<ApiAnswer> {
    const url = new URL(req.url);
    const path = url.pathname.slice(apiBasePath.length) || "/";
    let rateHeaders: Record<string, string> = {};
    let operationId = "unmatched";
    let idem: Idempotency | null = null;
    try {
      const onPath = compiled.filter((c) => c.pattern.test(path));
      if (onPath.length === 0)
        throw restError(404, "not_found", `No endpoint ${path} under ${apiBasePath}; see ${apiBasePath}/openapi.json.`);
      const match = onPath.find((c) => c.op.method === req.method);
      if (!match) {
        const allow = [...new Set(onPath.map((c) => c.op.method))].join(", ");
        throw restError(405, "method_not_allowed", `${req.method} is not allowed on ${path}; use ${allow}.`, null, { allow });
      }
      const { op } = match;
      operationId = op.operationId;

      const principal = await authenticate(req.headers);
      void countApiCall(principal.tenant.id);
      if (principal.revokeRef.kind === "oauthGrant") void countGrantRequest(principal.revokeRef.id);
      rateHeaders = await consumeRate(principal);
      requireScope(principal, op.scope);

      const values = match.pattern
        .exec(path)!
        .slice(1)
        .map((v) => decodeURIComponent(v));
      const params = (op.params ?? emptyObject).safeParse(Object.fromEntries(match.names.map((n, i) => [n, values[i]])));
      if (!params.success) throw invalidInput(params.error, "path");
      const query = match.query.safeParse(queryObject(url, match.queryTypes));
      if (!query.success) throw invalidInput(query.error, "query");

      let body: unknown = undefined;
      let raw: Uint8Array = new Uint8Array();
      if (op.body) {
        raw = await readBody(req);
        const parsed = op.body.safeParse(raw.byteLength === 0 && match.bodyOptional ? {} : parseJsonBody(req.headers, raw));
        if (!parsed.success) throw invalidInput(parsed.error, "body");
        body = parsed.data;
      }

      if (op.status === 201) {
        const begun = await Idempotency.begin(principal, req.headers.get("idempotency-key"), req.method, path, raw);
        if (begun && !(begun instanceof Idempotency)) {
          const headers: Record<string, string> = { ...rateHeaders, "idempotent-replayed": "true" };
          if (begun.location) headers.location = begun.location;
          return {
            status: begun.status,
            headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
            body: begun.body,
          };
        }
        idem = begun;
      }

      const scope = principalScope(principal, requestMeta(req.headers));
      const out = await op.handler({ scope, principal, params: params.data, query: query.data, body });
      const headers = { ...rateHeaders };
      let location: string | null = null;
      if (op.status === 201 && op.location) {
        location = `${apiBasePath}${op.location(out)}`;
        headers.location = location;
      }
      const answer = json(out, op.status, headers);
      if (idem) await idem.finish({ status: op.status, body: answer.body ?? "", location });
      return answer;
    } catch (err) {
      const e = toRestError(err, operationId);
      if (idem) {
        if (e.status >= 500) await idem.abandon().catch(() => {});
        else
          await idem
            .finish({
              status: e.status,
              body: JSON.stringify({ error: { code: e.code, message: e.message, details: e.details ?? null } }),
              location: null,
            })
            .catch(() => {});
      }
      return errorAnswer(e, rateHeaders);
    }
  };
}
