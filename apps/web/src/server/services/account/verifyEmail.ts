import { hashSecret } from "@aspen/core";
import { consumeEmailVerification, findUserById, withSystem } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { getSystemDb } from "../../db";
import { appError } from "../../errors";
import type { RequestMeta } from "../../request-meta";

export const verifyEmailInput = z.object({ token: z.string().min(20).max(200) });
export const verifyEmailOutput = z.object({ email: z.string() });

/** Confirms an address with a verification link's token (once, before it expires, for the user's current address). */
export async function verifyEmail(
  meta: RequestMeta,
  input: z.output<typeof verifyEmailInput>,
): Promise<z.output<typeof verifyEmailOutput>> {
  const found = await withSystem(getSystemDb(), async (tx) => {
    const v = await consumeEmailVerification(tx, hashSecret(input.token));
    if (!v) return undefined;
    const user = await findUserById(tx, v.userId);
    return user && user.email === v.email ? user : undefined;
  });
  if (!found)
    throw appError(
      "BAD_REQUEST",
      "verification_link_invalid",
      "This confirmation link is used, expired or unknown. Ask for a new one on your account page.",
    );
  await recordAudit({ meta }, { action: "user.email_verified", tenantId: null, actor: { id: found.id, email: found.email } });
  return { email: found.email };
}
