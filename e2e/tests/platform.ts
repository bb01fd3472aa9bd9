import postgres from "postgres";

/**
 * Makes a user a platform operator. The console has no way to do this (operators are set in the
 * database, like the first admin of any self-hosted service), so tests write the flag directly.
 */
export async function makePlatformAdmin(email: string): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("e2e: DATABASE_URL is not set");
  const sql = postgres(url, { max: 1 });
  try {
    const rows = await sql`update users set platform_admin = true where email = ${email} returning id`;
    if (rows.length !== 1) throw new Error(`no user ${email}`);
  } finally {
    await sql.end();
  }
}
