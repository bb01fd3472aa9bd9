import type { Permission } from "@aspen/core";
import { findTenantMembership, withTenant, type Database, type Tx } from "@aspen/db";
import { initTRPC } from "@trpc/server";
import { transformer } from "../trpc/transformer";
import { z } from "zod";
import type { AuditContext } from "./audit";
import { getDb, getSystemDb } from "./db";
import { AppErrorCause, appError, notFound } from "./errors";
import { rewriteInputError } from "./input-errors";
import { assertBudgetLeft, consumeBudgets, emailTakenBudget, procedureBudgets, spendBudget } from "./limits/procedure-limits";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { requestMeta, type RequestMeta } from "./request-meta";
import { assertAllowed, memberScope, type Scope, type TenantRef, type UserScope } from "./services/scope";

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

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    // Input errors already carry an AppErrorCause here (`rewriteInputError` in `observed`).
    const cause = error.cause instanceof AppErrorCause ? error.cause : undefined;
    let message = shape.message;
    if (error.code === "INTERNAL_SERVER_ERROR")
      message = "Something went wrong on our side. Try again; if it persists, check the server logs.";
    // No stack traces to clients, in any environment.
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, reason: cause?.reason ?? null, details: cause?.details ?? null } };
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
  if (!result.ok) rewriteInputError(result.error);
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
  /** What user-level services (`server/services/<domain>/<verb>.ts`) take. */
  const userScope: UserScope = { user: ctx.user, meta: ctx.meta, db: ctx.db, systemDb: ctx.systemDb };
  return next({ ctx: { user: ctx.user, userScope } });
});

export type TenantScope = TenantRef;

/**
 * A member of the tenant named by `input.tenantSlug`. Resolves the membership
 * of the signed-in user; unknown slugs and tenants the user does not belong
 * to are the same NOT_FOUND. `ctx.scope` is what services
 * (`server/services/<domain>/<verb>.ts`) take: procedures pass it on and do
 * nothing else. (`ctx.tenant`, `ctx.role`, `ctx.audit` and `ctx.withTenant`
 * remain for code not moved to a service yet; every console procedure is.)
 */
export const tenantProcedure = authedProcedure
  .input(z.object({ tenantSlug: z.string().min(1).max(64) }))
  .use(async ({ ctx, input, next }) => {
    const found = await findTenantMembership(ctx.systemDb, input.tenantSlug, ctx.user.id);
    if (!found) throw notFound("Tenant");
    const tenant: TenantScope = { id: found.tenant.id, slug: found.tenant.slug, name: found.tenant.name, status: found.tenant.status };
    const audit: AuditContext = { user: ctx.user, tenant, meta: ctx.meta };
    const scope = memberScope({ db: ctx.db, tenant, user: ctx.user, role: found.role, meta: ctx.meta });
    return next({
      ctx: {
        /** What services take: tenant, actor, permissions, request meta. */
        scope,
        tenant,
        role: found.role,
        audit,
        withTenant: <T>(fn: (tx: Tx) => Promise<T>) => withTenant(ctx.db, tenant.id, fn),
      },
    });
  });

/**
 * The root that middlewares needing a tenant scope are made on: their context must have `scope`, so
 * `publicProcedure.use(requirePermission(…))` or `authedProcedure.use(…)` does not compile.
 */
const scoped = initTRPC.context<{ scope: Scope }>().create();

/** Refuses callers whose scope lacks `permission` (FORBIDDEN `forbidden`): `tenantProcedure.use(requirePermission("device.write"))`. */
export function requirePermission(permission: Permission) {
  return scoped.middleware(({ ctx, next }) => {
    assertAllowed(ctx.scope, permission);
    return next();
  });
}
