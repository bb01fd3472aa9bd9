import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  // Workspace packages are TypeScript source: bundle them; keep npm deps external.
  noExternal: [/^@aspen\//],
  clean: true,
  sourcemap: true,
});
