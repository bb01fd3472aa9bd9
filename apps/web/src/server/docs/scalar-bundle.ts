import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

const relative = path.join("node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");

/** node_modules/@scalar/api-reference from the working directory up (workspaces hoist it to the root). */
function bundlePath(): string {
  // Not require.resolve: the bundler rewrites it to a module id, and the package does not export the file.
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`@scalar/api-reference not installed (looked for ${relative} above ${process.cwd()})`);
  }
}

let bundle: Promise<Buffer> | undefined;

/**
 * The standalone browser bundle of @scalar/api-reference (an npm dependency), served from our own
 * origin so the docs page loads nothing from a CDN. Read once per process.
 */
export function scalarBundle(): Promise<Buffer> {
  bundle ??= readFile(bundlePath());
  return bundle;
}
