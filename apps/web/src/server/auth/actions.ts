"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "./index";
import { safeRedirectPath } from "./redirect-target";

/** State for `useActionState(loginAction, {})` on the sign-in form. */
export interface LoginState {
  error?: "invalid_credentials" | "rate_limited" | "totp_required" | "totp_invalid" | "unknown";
  /** Echoed back so the form can keep the typed email after an error. */
  email?: string;
}

/**
 * Signs in with the form's `email` and `password`, then redirects to `next`
 * (default `/tenants`; only same-origin paths, see safeRedirectPath). On failure returns `{ error }` without redirecting.
 */
export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      code: String(formData.get("code") ?? ""),
      redirectTo: safeRedirectPath(formData.get("next"), "/tenants"),
    });
  } catch (err) {
    // signIn redirects by throwing NEXT_REDIRECT: let that through.
    if (err instanceof CredentialsSignin) {
      const known = ["rate_limited", "totp_required", "totp_invalid"] as const;
      const code = known.find((c) => c === err.code) ?? "invalid_credentials";
      return { error: code, email };
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
