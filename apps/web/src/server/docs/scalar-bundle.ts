import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

let bundle: Promise<Buffer> | undefined;

/**
 * The standalone browser bundle of @scalar/api-reference (an npm dependency), served from our own
 * origin so the docs page loads nothing from a CDN. Read once per process.
 */
export function scalarBundle(): Promise<Buffer> {
  bundle ??= (async () => {
    const main = createRequire(import.meta.url).resolve("@scalar/api-reference");
    return readFile(path.join(path.dirname(main), "browser", "standalone.js"));
  })();
  return bundle;
}
