import { createUser, isUniqueViolation, normalizeEmail, type Database } from "@aspen/db";
import { passwordPolicy } from "@aspen/core";
import { z } from "zod";
import { recordAudit } from "../audit";
import { appError } from "../errors";
import type { RequestMeta } from "../request-meta";
import { hashPassword } from "./password";

export const signupInput = z.object({
  email: z.email({ error: "Enter a valid email address" }).max(320).transform(normalizeEmail),
  name: z.string().trim().min(1, { error: "Enter your name" }).max(100, { error: "Use at most 100 characters" }),
  password: passwordPolicy,
});

/**
 * Creates an account. "Email already registered" (CONFLICT, reason
 * `email_taken`) is the only thing sign-up reveals about other accounts.
 */
export async function registerUser(systemDb: Database, input: z.infer<typeof signupInput>, meta: RequestMeta) {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await createUser(systemDb, { email: input.email, name: input.name, passwordHash });
    await recordAudit({ meta }, { action: "user.signup", tenantId: null, actor: { id: user.id, email: user.email } });
    return user;
  } catch (err) {
    if (isUniqueViolation(err, "users_email_key")) {
      throw appError("CONFLICT", "email_taken", "An account with this email already exists. Sign in instead.", [
        { path: "email", message: "This email is already registered" },
      ]);
    }
    throw err;
  }
}
