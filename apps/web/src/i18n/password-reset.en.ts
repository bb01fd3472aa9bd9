/** Strings of the password-reset pages (/forgot, /reset/<token>). */
export const passwordResetEn = {
  forgotLink: "Forgot your password?",
  forgotTitle: "Reset your password",
  forgotSubtitle: "We email you a link to choose a new one.",
  send: "Email me a link",
  sending: "Sending…",
  sent: "If an account uses this address, a link is on its way. It works once, for an hour.",
  resetTitle: "Choose a new password",
  resetSubtitle: "Resetting signs you out on every device.",
  newPassword: "New password",
  save: "Set password",
  saving: "Saving…",
  done: "Your password is set. Sign in with it.",
  invalidLink: "This link is used, expired or unknown. Ask for a new one.",
  askAgain: "Ask for a new link",
  backToLogin: "Back to sign in",
  tooMany: "Too many requests. Try again later.",
};
