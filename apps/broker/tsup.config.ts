import { defineConfig } from "tsup";

// One ESM file; workspace packages (TypeScript source) are bundled, npm dependencies stay external.
export default defineConfig({
  entry: ["src/index.ts", "src/supervisor.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: [/^@aspen\//],
  // every npm package (also those the workspace packages import) is resolved from node_modules at run time
  external: [/^(?!@aspen\/)[^./]/],
});
