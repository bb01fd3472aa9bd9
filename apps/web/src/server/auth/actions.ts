"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "./index";

/** State for `useActionState(loginAction, {})` on the sign-in form. */
export interface LoginState {
  error?: "invalid_credentials" | "rate_limited" | "unknown";
  /** Echoed back so the form can keep the typed email after an error. */
  email?: string;
}

/** Only same-site relative paths may be the post-login destination (no open redirects). */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/tenants";
  return next;
}

/**
 * Signs in with the form's `email` and `password`, then redirects to `next`
 * (default `/tenants`). On failure returns `{ error }` without redirecting.
 */
export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeNext(formData.get("next")),
    });
  } catch (err) {
    // signIn redirects by throwing NEXT_REDIRECT: let that through.
    if (err instanceof CredentialsSignin) {
      return { error: err.code === "rate_limited" ? "rate_limited" : "invalid_credentials", email };
    }
    if (err instanceof AuthError) return { error: "unknown", email };
    throw err;
  }
  return {};
}

/** Signs out (ending every session of the user) and goes to the sign-in page. */
export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
