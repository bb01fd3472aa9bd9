import { can, rolePermissions, type Permission, type Role } from "@aspen/core";
import { withTenant, type Database, type Tx } from "@aspen/db";
import type { AuditContext } from "../audit";
import { appError } from "../errors";
import type { RequestMeta } from "../request-meta";

/** The tenant an operation runs in, resolved from a membership, an API key or an OAuth token. */
export interface TenantRef {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended";
}

/**
 * Who is acting. A user acts through the console (session); an API key or an
 * OAuth app acts through the REST API; a device through the device HTTP API (its
 * secret), with no member permissions: device services check the actor kind. `userId` is the person the rights come
 * from (the key's creator, the user who granted the app, or for an app's own
 * client-credentials token the admin who registered it). `actsForUser` says whether the
 * token stands for that user (an API key, an authorization-code grant) or only borrows their
 * role (client credentials): only the former may reach the user's own things (notifications).
 */
export type Actor =
  | { kind: "user"; id: string; email: string; name: string }
  | { kind: "apiKey"; id: string; name: string; userId: string | null; actsForUser: boolean }
  | { kind: "oauthApp"; id: string; name: string; userId: string | null; actsForUser: boolean }
  | { kind: "device"; id: string; name: string; productId: string }
  | { kind: "share"; id: string; name: string };

/**
 * What every tenant service receives: the tenant, the actor, what the actor may
 * do (a member's role, or a token's scopes intersected with its owner's role),
 * where the request came from, and the tenant-safe database.
 */
export interface Scope {
  tenant: TenantRef;
  actor: Actor;
  /** The member role the rights derive from (the granting user's role for tokens). */
  role: Role;
  permissions: ReadonlySet<Permission>;
  meta: RequestMeta;
  db: Database;
}

/** The user an operation is attributed to (`createdBy` columns): the member, or the user a token acts for. */
export function actingUserId(scope: Scope): string | null {
  const a = scope.actor;
  if (a.kind === "user") return a.id;
  return a.kind === "device" || a.kind === "share" ? null : a.userId;
}

/**
 * The user whose own things (notifications, their settings) the scope may reach: the member, or the
 * user a token acts for; null for an app's own token, a device or a share link.
 */
export function actingForUserId(scope: Scope): string | null {
  const a = scope.actor;
  if (a.kind === "user") return a.id;
  if (a.kind === "apiKey" || a.kind === "oauthApp") return a.actsForUser ? a.userId : null;
  return null;
}

/** Runs `fn` in the scope's tenant (RLS set for the transaction). */
export function inTenant<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(scope.db, scope.tenant.id, fn);
}

/** Whether the scope may do `permission`. */
export function allows(scope: Scope, permission: Permission): boolean {
  return scope.permissions.has(permission);
}

/** Throws FORBIDDEN (reason `forbidden`) unless the scope may do `permission`. */
export function assertAllowed(scope: Scope, permission: Permission): void {
  if (allows(scope, permission)) return;
  const who = scope.actor.kind === "user" ? `Your role (${scope.role}) does` : "This token's scopes do";
  throw appError("FORBIDDEN", "forbidden", `${who} not allow this (needs ${permission}). Ask an owner or admin.`);
}

/** The permissions a member with `role` has, optionally narrowed to `scopes` (API keys, OAuth tokens). */
export function permissionSet(role: Role, scopes?: readonly Permission[]): ReadonlySet<Permission> {
  return new Set(scopes ? scopes.filter((p) => can(role, p)) : rolePermissions[role]);
}

/** A scope for a signed-in member of a tenant. */
export function memberScope(opts: {
  db: Database;
  tenant: TenantRef;
  user: { id: string; email: string; name: string };
  role: Role;
  meta: RequestMeta;
}): Scope {
  return {
    tenant: opts.tenant,
    actor: { kind: "user", id: opts.user.id, email: opts.user.email, name: opts.user.name },
    role: opts.role,
    permissions: permissionSet(opts.role),
    meta: opts.meta,
    db: opts.db,
  };
}

/**
 * A scope for a device authenticated by its secret. Devices are not members: no permissions (the
 * role is the least one, for messages only); device services require `actor.kind === "device"`.
 */
export function deviceScope(opts: {
  db: Database;
  tenant: TenantRef;
  device: { id: string; name: string; productId: string };
  meta: RequestMeta;
}): Scope {
  return {
    tenant: opts.tenant,
    actor: { kind: "device", id: opts.device.id, name: opts.device.name, productId: opts.device.productId },
    role: "viewer",
    permissions: new Set(),
    meta: opts.meta,
    db: opts.db,
  };
}

/**
 * A scope for a dashboard's share link, opened signed out: it may read device data and nothing else
 * (no commands, no writes); the shared-view service limits it further to the dashboard's devices.
 */
export function shareScope(opts: { db: Database; tenant: TenantRef; shareId: string; meta: RequestMeta }): Scope {
  return {
    tenant: opts.tenant,
    actor: { kind: "share", id: opts.shareId, name: "share link" },
    role: "viewer",
    permissions: new Set<Permission>(["device.read"]),
    meta: opts.meta,
    db: opts.db,
  };
}

/** The device a scope acts as; throws FORBIDDEN for any other actor. */
export function assertDevice(scope: Scope): Extract<Actor, { kind: "device" }> {
  if (scope.actor.kind === "device") return scope.actor;
  throw appError("FORBIDDEN", "forbidden", "Only a device can do this (authenticate with its secret).");
}

/** What `recordAudit` needs from a scope: the actor as the audit row's user, the tenant, the request. */
export function auditOf(scope: Scope): AuditContext {
  const a = scope.actor;
  if (a.kind === "device" || a.kind === "share") return { user: null, tenant: scope.tenant, meta: scope.meta };
  if (a.kind === "user") return { user: { id: a.id, email: a.email }, tenant: scope.tenant, meta: scope.meta };
  // Tokens: the row names the key or app; the user the rights come from is kept as the actor id.
  return { user: a.userId ? { id: a.userId, email: `${a.kind}:${a.name}` } : null, tenant: scope.tenant, meta: scope.meta };
}

/**
 * What user-level services (their account, their tenants, accepting an invitation) receive: the
 * signed-in user, the request, the tenant-safe client and the RLS-bypassing one for user rows.
 */
export interface UserScope {
  user: { id: string; email: string; name: string };
  /** The signed-in session's row, when the caller is a console session. */
  sessionId?: string | null;
  meta: RequestMeta;
  db: Database;
  systemDb: Database;
}

/** What `recordAudit` needs from a user scope (no tenant: user-level events, or set per entry). */
export function auditOfUser(scope: UserScope): AuditContext {
  return { user: scope.user, meta: scope.meta };
}
