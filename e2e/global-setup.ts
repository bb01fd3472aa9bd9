import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Checks what the browser tests need before any test starts, so a missing
 * build or browser fails with one clear line instead of timeouts. Tests
 * create their own users and tenants (random suffixes): no seed is needed.
 */
export default function globalSetup(): void {
  mkdirSync(path.join(here, "artifacts"), { recursive: true });
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    throw new Error(`e2e: Chromium not found at ${chromium}. Run \`bash scripts/chromium.sh\` or set CHROMIUM_PATH.`);
  }
  const build = path.join(here, "..", "apps", "web", ".next", "BUILD_ID");
  if (!existsSync(build)) {
    throw new Error("e2e: the web app is not built. Run `npm run build -w @aspen/web` first.");
  }
  const broker = path.join(here, "..", "apps", "broker", "dist", "index.js");
  if (!existsSync(broker)) {
    throw new Error("e2e: the broker is not built. Run `npm run build -w @aspen/broker` first.");
  }
}
