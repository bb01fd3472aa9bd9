// Writes the /api/v1 OpenAPI document to packages/api-client/openapi.json (the typed client's source).
// Run: npm run openapi -w @aspen/web   (then: npm run generate -w @aspen/api-client)
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument } from "../src/server/api/v1/openapi";
import { operations } from "../src/server/api/v1/operations";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../../../packages/api-client/openapi.json");
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(operations, { serverUrl: "http://localhost:3000" }), null, 2)}\n`);
console.log(`wrote ${out}`);
