import { can, type Permission, type Role } from "@aspen/core";
import { findTenantMembership, withTenant, type Database, type Tx } from "@aspen/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import type { AuditContext } from "./audit";
import { getDb, getSystemDb } from "./db";
import { AppErrorCause, appError, notFound, type FieldIssue } from "./errors";
import { assertBudgetLeft, consumeBudgets, emailTakenBudget, procedureBudgets, spendBudget } from "./limits/procedure-limits";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { requestMeta, type RequestMeta } from "./request-meta";
import { memberScope, type TenantRef } from "./services/scope";

/** The signed-in user, as carried by the session. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface Context {
  /** Tenant-safe client: tenant rows only inside `withTenant`. */
  db: Database;
  /** RLS-bypassing client for user-level and cross-tenant lookups. */
  systemDb: Database;
  user: SessionUser | null;
  headers: Headers;
  meta: RequestMeta;
}

/**
 * Builds the tRPC context from a request's headers and the session that
 * `auth()` resolved (already checked against the user's session version).
 */
export function createTRPCContext(opts: {
  headers: Headers;
  session: { user?: { id?: string; email?: string | null; name?: string | null } } | null;
}): Context {
  const u = opts.session?.user;
  return {
    db: getDb(),
    systemDb: getSystemDb(),
    user: u?.id ? { id: u.id, email: u.email ?? "", name: u.name ?? "" } : null,
    headers: opts.headers,
    meta: requestMeta(opts.headers),
  };
}

/** Zod (or any Standard Schema) issues as `{ path: "a.b[2]", message }`. */
function inputIssues(cause: unknown): FieldIssue[] | undefined {
  const issues = (cause as { issues?: unknown })?.issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.map((i: { path?: readonly unknown[]; message?: string }) => ({
    path: (i.path ?? [])
      .map((p) => (typeof p === "object" && p !== null && "key" in p ? (p as { key: unknown }).key : p))
      .reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), ""),
    message: i.message ?? "Invalid value",
  }));
}

/** The default message of an input error is the JSON of all issues; say the first one plainly. */
function plainInputMessage(details: FieldIssue[]): string {
  const first = details[0];
  return first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "Invalid input";
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    let reason: string | undefined;
    let details: FieldIssue[] | undefined;
    let message = shape.message;
    if (error.cause instanceof AppErrorCause) {
      reason = error.cause.reason;
      details = error.cause.details;
    } else if (error.code === "BAD_REQUEST" && (details = inputIssues(error.cause))) {
      reason = "invalid_input";
      message = plainInputMessage(details);
    }
    if (error.code === "INTERNAL_SERVER_ERROR") message = "Something went wrong on our side. Try again; if it persists, check the server logs.";
    // No stack traces to clients, in any environment.
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, reason: reason ?? null, details: details ?? null } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Counts and times every call; logs unexpected failures; enforces the budgets of `procedureBudgets`. */
const observed = t.procedure.use(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const caller = { ip: ctx.meta.ip, userId: ctx.user?.id ?? null };
  const budgets = procedureBudgets[path];
  if (budgets) await consumeBudgets(path, budgets, caller);
  if (path === "auth.signup") await assertBudgetLeft("auth.signup.email_taken", emailTakenBudget, caller);
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppErrorCause && result.error.cause.reason === "email_taken") {
    await spendBudget("auth.signup.email_taken", emailTakenBudget, caller);
  }
  if (!result.ok && result.error.code === "BAD_REQUEST" && !(result.error.cause instanceof AppErrorCause)) {
    // Input validation failed: give server-side callers (RSC, tests) the same plain message and details as HTTP clients.
    const details = inputIssues(result.error.cause);
    if (details) {
      result.error.message = plainInputMessage(details);
      Object.defineProperty(result.error, "cause", { value: new AppErrorCause("invalid_input", details), configurable: true, writable: true });
    }
  }
  const m = metrics();
  m.trpcDuration.observe({ path, type }, (performance.now() - started) / 1000);
  m.trpcCalls.inc({ path, type, result: result.ok ? "ok" : result.error.code });
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    logger.error({ err: result.error.cause ?? result.error, path }, "tRPC procedure failed");
  }
  return result;
});

/** Anyone, signed in or not. */
export const publicProcedure = observed;

/** A signed-in user; `ctx.user` is set. */
export const authedProcedure = observed.use(({ ctx, next }) => {
  if (!ctx.user) throw appError("UNAUTHORIZED", "unauthenticated", "Sign in to continue");
  return next({ ctx: { user: ctx.user } });
});

export type TenantScope = TenantRef;

/**
 * A member of the tenant named by `input.tenantSlug`. Resolves the membership
 * of the signed-in user; unknown slugs and tenants the user does not belong
 * to are the same NOT_FOUND. `ctx.withTenant(fn)` runs `fn` in the tenant's
 * RLS scope; `ctx.audit` is what `recordAudit` needs; `ctx.scope` is what
 * services (`server/services/<domain>/<verb>.ts`) take.
 */
export const tenantProcedure = authedProcedure
  .input(z.object({ tenantSlug: z.string().min(1).max(64) }))
  .use(async ({ ctx, input, next }) => {
    const found = await findTenantMembership(ctx.systemDb, input.tenantSlug, ctx.user.id);
    if (!found) throw notFound("Tenant");
    const tenant: TenantScope = { id: found.tenant.id, slug: found.tenant.slug, name: found.tenant.name, status: found.tenant.status };
    const audit: AuditContext = { user: ctx.user, tenant, meta: ctx.meta };
    const scope = memberScope({ db: ctx.db, tenant, user: ctx.user, role: found.role as Role, meta: ctx.meta });
    return next({
      ctx: {
        /** What services take: tenant, actor, permissions, request meta. */
        scope,
        tenant,
        role: found.role as Role,
        audit,
        withTenant: <T>(fn: (tx: Tx) => Promise<T>) => withTenant(ctx.db, tenant.id, fn),
      },
    });
  });

/** Refuses members whose role lacks `permission` (use after `tenantProcedure`). */
export function requirePermission(permission: Permission) {
  return t.middleware(({ ctx, next }) => {
    const role = (ctx as Partial<{ role: Role }>).role;
    if (!role) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "requirePermission used outside tenantProcedure" });
    if (!can(role, permission)) {
      throw appError("FORBIDDEN", "forbidden", `Your role (${role}) does not allow this (needs ${permission}). Ask an owner or admin.`);
    }
    return next();
  });
}
