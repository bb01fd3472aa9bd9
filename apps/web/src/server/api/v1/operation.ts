import type { ApiScope } from "@aspen/core";
import type { z } from "zod";
import type { Scope } from "../../services/scope";
import type { Principal } from "./principal";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** What a handler receives: the service scope and the validated parts of the request. */
export interface OperationContext<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  scope: Scope;
  principal: Principal;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
}

/**
 * One REST operation: the route, the scope it needs, the zod schemas that validate and document its
 * path, query and body, its answer's status and schema, and a handler that calls a service. The router
 * serves exactly these and the OpenAPI document describes exactly these.
 */
export interface Operation<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI-style path under /api/v1, e.g. `/devices/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  scope: ApiScope;
  params?: P;
  query?: Q;
  body?: B;
  /** 201 answers carry `Location` and honour `Idempotency-Key`. */
  status: 200 | 201;
  output: O;
  /** Path of the created resource (for `Location`), from the answer. */
  location?: (out: z.output<O>) => string;
  handler: (ctx: OperationContext<P, Q, B>) => Promise<z.input<O>>;
}

/** Declares an operation with its types inferred from its schemas. */
export function defineOperation<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, O extends z.ZodType>(
  op: Operation<P, Q, B, O>,
): Operation {
  return op;
}

/**
 * Whether an operation's body may be left out: a POST action whose options are all optional (its schema
 * accepts `{}`, which an empty request body then stands for), e.g. acknowledge with no comment. A PATCH
 * or PUT always needs a body.
 */
export function bodyIsOptional(op: Operation): boolean {
  return op.method === "POST" && op.body !== undefined && op.body.safeParse({}).success;
}
