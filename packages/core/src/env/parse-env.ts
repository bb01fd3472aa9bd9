import type { z } from "zod";

/** A bad environment: `message` names each missing or invalid variable on its own line. */
export class EnvError extends Error {
  constructor(
    readonly processName: string,
    readonly problems: { variable: string; message: string }[],
  ) {
    super(
      `${processName}: invalid environment\n` +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n") +
        "\nSet them in the environment (see README, 'Environment variables').",
    );
    this.name = "EnvError";
  }
}

/** Parses an environment record with a zod object schema; throws EnvError naming every bad variable. */
export function parseEnv<S extends z.ZodType>(processName: string, schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({
    variable: i.path.join(".") || "(environment)",
    message: i.code === "invalid_type" && i.input === undefined ? "is required but not set" : i.message,
  }));
  throw new EnvError(processName, problems);
}
