// One lint config for every workspace: typescript-eslint's type-checked rules, React hooks rules for the
// console and UI, env access only in env.ts files, and no new non-null assertions.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const envOnly = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read the environment only in the app's env.ts (parsed with zod), and pass values in.",
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.turbo/**",
      "**/next-env.d.ts",
      "e2e/artifacts/**",
      "bench/results/**",
      "packages/db/migrations/**",
      ".aspen/**",
      "**/*.js",
      "**/*.mjs",
      "**/*.cjs",
      "**/*.d.mts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["vitest.config.ts", "apps/web/next.config.ts", "apps/web/scripts/*.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", envOnly],
    },
  },
  {
    files: ["apps/web/**/*.tsx", "packages/ui/**/*.tsx", "apps/web/src/components/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Tests poke at JSON answers and mocks of their own making: the unsafe-any rules would only add casts.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/testing.ts", "**/test/**", "e2e/**", "bench/**"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // The places that are allowed to read the environment: each process's env.ts, the tooling configs,
    // and the test / benchmark harnesses that pass it on to the processes they start.
    files: [
      "**/env.ts",
      "**/*.config.ts",
      "**/*.test.ts",
      "**/*.test.tsx",
      "**/testing.ts",
      "**/test/**",
      "e2e/**",
      "bench/**",
      "packages/db/src/migrate.ts",
      "packages/db/src/seed.ts",
      "packages/device-sdk/src/simulator/cli.ts",
      // Next.js' own runtime switch (NEXT_RUNTIME), read where Next documents it.
      "apps/web/src/instrumentation.ts",
      "apps/web/src/proxy.ts",
      "apps/web/scripts/**",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
);
