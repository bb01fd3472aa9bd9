import { defineConfig } from "vitest/config";

// One vitest run over every workspace: `unit` needs nothing, `integration`
// (*.int.test.ts) talks to the real Postgres, Redis and MQTT broker.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["packages/*/src/**/*.test.{ts,tsx}", "apps/*/src/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.{ts,tsx}", "**/node_modules/**"],
          server: { deps: { inline: ["next-auth"] } },
        },
      },
      {
        test: {
          name: "integration",
          // Runs after the unit project, with its own worker limit (the services are shared).
          sequence: { groupOrder: 1 },
          include: ["packages/*/src/**/*.int.test.{ts,tsx}", "apps/*/src/**/*.int.test.{ts,tsx}"],
          exclude: ["**/node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});
