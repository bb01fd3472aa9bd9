import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./client";
import { grantAppRoles, roleOfUrl } from "./roles";

// The owner runs migrations (MIGRATE_DATABASE_URL; DATABASE_URL for setups from before the role split),
// then grants the system role (DATABASE_URL) and the tenant role (TENANT_DATABASE_URL) their data access.
const url = process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error(
    'MIGRATE_DATABASE_URL (or DATABASE_URL) is not set: run `eval "$(bash scripts/services.sh)"` or export it (postgres://owner:pass@host:port/db)',
  );
  process.exit(1);
}
const db = createDb(url, { max: 1, applicationName: "aspen-migrate" });
const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));
await migrate(db, { migrationsFolder });
const owner = roleOfUrl(url);
const others = (u: string | undefined) => (u && roleOfUrl(u) !== owner ? roleOfUrl(u) : undefined);
await grantAppRoles(db, { system: others(process.env.DATABASE_URL), tenant: others(process.env.TENANT_DATABASE_URL) });
await db.$close();
console.log("migrations applied");
