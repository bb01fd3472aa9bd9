import { createTRPCRouter } from "../../trpc";
import { requestEmailVerification } from "./requestEmailVerification";
import { requestPasswordReset } from "./requestPasswordReset";
import { resetPassword } from "./resetPassword";
import { totpBegin, totpDisable, totpEnable, totpStatus } from "./totp";
import { verifyEmail } from "./verifyEmail";

export const accountRouter = createTRPCRouter({
  requestPasswordReset,
  resetPassword,
  requestEmailVerification,
  verifyEmail,
  totpStatus,
  totpBegin,
  totpEnable,
  totpDisable,
});
