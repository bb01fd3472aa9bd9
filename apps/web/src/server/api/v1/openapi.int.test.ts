import SwaggerParser from "@apidevtools/swagger-parser";
import { apiScopes } from "@aspen/core";
import Ajv2020 from "ajv/dist/2020.js";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { happyCalls, happyFixture, type Fx } from "./test/happy-paths";
import { buildOpenApiDocument } from "./openapi";
import { operations } from "./operations";
import { makeKey, rest } from "./testing";

ensureTestEnv();
// Webhook endpoints on loopback are refused unless allowed (development/test only).
process.env.WEBHOOK_ALLOW_LOOPBACK = "true";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../../../../..");
const doc = buildOpenApiDocument(operations, { serverUrl: "https://cloud.aspen.dev" });

let fx: Fx;
let w: RoleWorld;
let token: string;
beforeAll(async () => {
  w = await createRoleWorld();
  token = (await makeKey(w.users.owner, w.tenant.slug, [...apiScopes])).secret;
  fx = await happyFixture(w);
});

describe("the OpenAPI document", () => {
  it("passes @redocly/cli lint (recommended rules) without errors or warnings", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "aspen-openapi-"));
    const file = path.join(dir, "openapi.json");
    await writeFile(file, JSON.stringify(doc));
    const { stdout, stderr } = await promisify(execFile)(path.join(repoRoot, "node_modules/.bin/redocly"), ["lint", file], {
      cwd: dir,
      timeout: 120_000,
    });
    const out = `${stdout}\n${stderr}`;
    expect(out).toContain("Your API description is valid");
    expect(out).not.toMatch(/You have \d+ warning/);
  }, 120_000);

  it("validates with @apidevtools/swagger-parser", async () => {
    const api = await SwaggerParser.validate(structuredClone(doc) as never);
    expect((api as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("documents both security schemes with every scope, and each operation's scope", () => {
    const schemes = doc.components.securitySchemes;
    expect(Object.keys(schemes.oauth2.flows.authorizationCode.scopes).sort()).toEqual([...apiScopes].sort());
    expect(Object.keys(schemes.oauth2.flows.clientCredentials.scopes).sort()).toEqual([...apiScopes].sort());
    expect(schemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    for (const op of operations) {
      const item = (doc.paths[op.path] as Record<string, { security: unknown }>)[op.method.toLowerCase()]!;
      expect(item.security).toEqual([{ oauth2: [op.scope] }, { apiKey: [op.scope] }]);
    }
  });
});

describe("every documented operation", () => {
  const documented = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods as Record<string, { operationId: string; responses: Record<string, any> }>).map(([m, item]) => ({
      path: p,
      method: m.toUpperCase(),
      item,
    })),
  );
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // What the API sends for dates (Date.prototype.toJSON): ISO 8601 in UTC.
  ajv.addFormat("date-time", (v: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v)));
  ajv.addSchema({ $id: "aspen", components: doc.components });
  for (const [id, s] of Object.entries(doc.components.schemas)) ajv.addSchema(s, `#/components/schemas/${id}`);

  it("matches the operations the router serves, one to one", () => {
    expect(documented.map((d) => `${d.method} ${d.path}`).sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
    expect(Object.keys(happyCalls).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  it.each(documented.map((d) => [d.item.operationId, d] as const))(
    "%s answers its happy path with the documented status and body",
    async (_id, d) => {
      const make = happyCalls[d.item.operationId];
      expect(make, `no happy-path call for ${d.item.operationId}`).toBeDefined();
      const call = await make!(fx, w.users.owner);
      const res = await rest(d.method, call.path, { token, body: call.body });
      const [status] = Object.keys(d.item.responses).filter((s) => s.startsWith("2"));
      expect(res.status, JSON.stringify(res.body)).toBe(Number(status));
      const schema = d.item.responses[status!].content["application/json"].schema;
      const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"aspen#/components/')));
      const ok = validate(res.body);
      expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      // The check can fail: an empty object is not a valid answer of any operation.
      expect(validate({})).toBe(false);
    },
  );
});

describe("no route under /api/v1 is undocumented", () => {
  it("has only the catch-all (serving the operations table) and the document itself", async () => {
    const appDir = path.join(repoRoot, "apps/web/src/app/api/v1");
    const files = (await readdir(appDir, { recursive: true })).filter((f) => /route\.[jt]sx?$/.test(f)).sort();
    expect(files).toEqual([path.join("[...path]", "route.ts"), path.join("openapi.json", "route.ts")].sort());
  });

  it("answers paths outside the document with 404 and wrong methods with 405", async () => {
    expect((await rest("GET", "/admin", { token })).status).toBe(404);
    expect((await rest("GET", "/devices/x/y/z", { token })).status).toBe(404);
    expect((await rest("DELETE", "/devices", { token })).status).toBe(405);
  });
});
