/** The Postgres error behind a drizzle error (drizzle wraps driver errors in `cause`). */
function pgError(err: unknown): { code?: string; constraint_name?: string } | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const o = e as { code?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof o.code === "string" && /^[0-9A-Z]{5}$/.test(o.code)) return o as { code?: string; constraint_name?: string };
    e = o.cause;
  }
  return undefined;
}

/** True when `err` is a unique violation, optionally of the named constraint/index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err);
  return pg?.code === "23505" && (constraint === undefined || pg.constraint_name === constraint);
}

/** True when `err` is a row-level-security refusal (insert/update outside the tenant scope). */
export function isRlsViolation(err: unknown): boolean {
  return pgError(err)?.code === "42501";
}

/** True when `err` is a foreign key violation (e.g. deleting a product that still has devices). */
export function isForeignKeyViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err);
  return pg?.code === "23503" && (constraint === undefined || pg.constraint_name === constraint);
}
