import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./client";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: run `npm run services` or export it (postgres://user:pass@host:port/db)");
  process.exit(1);
}
const db = createDb(url, { max: 1, system: true, applicationName: "aspen-migrate" });
const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));
await migrate(db, { migrationsFolder });
await db.$close();
console.log("migrations applied");
