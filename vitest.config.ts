import { defineConfig } from "vitest/config";

// One vitest run over every workspace: `unit` needs nothing, `integration`
// (*.int.test.ts) talks to the real Postgres, Redis and MQTT broker.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.{ts,tsx}", "apps/*/src/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.{ts,tsx}", "**/node_modules/**"],
          server: { deps: { inline: ["next-auth"] } },
        },
      },
      {
        test: {
          name: "integration",
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
