import { sql } from "drizzle-orm";
import type { Tx } from "./client";

/** The login role named by a postgres:// URL (`postgres://role:pass@host/db` → `role`). */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/**
 * Grants the system and tenant roles what they need on every table, sequence
 * and partition the migrations made, and the same on tables made later by the
 * owner (default privileges): data access only, never ownership, so neither
 * can ALTER a table or its policies. Run by the migrate step as the owner.
 * Idempotent.
 */
export async function grantAppRoles(db: Tx, roles: { system?: string; tenant?: string }): Promise<void> {
  for (const role of [roles.system, roles.tenant]) {
    if (!role) continue;
    const r = ident(role);
    await db.execute(sql`grant usage on schema public to ${r}`);
    await db.execute(sql`grant select, insert, update, delete on all tables in schema public to ${r}`);
    await db.execute(sql`grant usage, select on all sequences in schema public to ${r}`);
    await db.execute(sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`);
    await db.execute(sql`alter default privileges in schema public grant usage, select on sequences to ${r}`);
  }
  // Backups (scripts/backup.sh) dump as the system role: it must read the migration journal too.
  if (roles.system) {
    await db.execute(sql`grant usage on schema drizzle to ${ident(roles.system)}`);
    await db.execute(sql`grant select on all tables in schema drizzle to ${ident(roles.system)}`);
    await db.execute(sql`grant select on all sequences in schema drizzle to ${ident(roles.system)}`);
  }
  // Making partitions is the system's job (the worker's schedule); the function runs as the owner.
  await db.execute(sql`revoke all on function aspen_ensure_telemetry_partitions(timestamptz, int) from public`);
  if (roles.system)
    await db.execute(sql`grant execute on function aspen_ensure_telemetry_partitions(timestamptz, int) to ${ident(roles.system)}`);
  // So is dropping whole old months (retention).
  if (roles.system) await db.execute(sql`grant execute on function aspen_drop_telemetry_partition(text) to ${ident(roles.system)}`);
}

export interface RoleFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  ownsTables: boolean;
}

/** What the connected role may do to row-level security. */
export async function currentRoleFacts(db: Tx): Promise<RoleFacts> {
  const rows = (await db.execute(sql`
    select r.rolname as role, r.rolsuper as superuser, r.rolbypassrls as "bypassRls",
      exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(current_user, c.relowner, 'USAGE')) as "ownsTables"
    from pg_roles r where r.rolname = current_user`)) as unknown as RoleFacts[];
  return rows[0]!;
}

/**
 * Refuses a setup where row-level security would not hold: the tenant client
 * must be a role that neither bypasses RLS nor owns (or can become the owner
 * of) the tables; the system client must bypass RLS, or it would see nothing.
 */
export async function assertDatabaseRoles(dbs: { tenant: Tx; system: Tx }): Promise<void> {
  const [t, s] = await Promise.all([currentRoleFacts(dbs.tenant), currentRoleFacts(dbs.system)]);
  const problems: string[] = [];
  if (t.superuser || t.bypassRls)
    problems.push(`TENANT_DATABASE_URL's role ${t.role} bypasses row-level security (superuser or BYPASSRLS)`);
  if (t.ownsTables) problems.push(`TENANT_DATABASE_URL's role ${t.role} owns the tables (it could ALTER their policies away)`);
  if (!s.superuser && !s.bypassRls) problems.push(`DATABASE_URL's role ${s.role} lacks BYPASSRLS (system work would see no tenant rows)`);
  if (problems.length) throw new Error(`database roles: ${problems.join("; ")}. See the README, "Database roles".`);
}
