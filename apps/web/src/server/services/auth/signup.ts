import { z } from "zod";
import { registerUser, signupInput } from "../../auth/register";
import { getSystemDb } from "../../db";
import type { RequestMeta } from "../../request-meta";
import { requestEmailVerification } from "../account/requestEmailVerification";
import { toUserDto, userSchema } from "./dto";

export const signupUserInput = signupInput;
export const signupUserOutput = z.object({ user: userSchema });

/** Creates an account (then sign in with the same credentials). Anyone may: `meta` is the request. */
export async function signupUser(meta: RequestMeta, input: z.output<typeof signupUserInput>): Promise<z.output<typeof signupUserOutput>> {
  const user = await registerUser(getSystemDb(), input, meta);
  // Confirming the address is what lets the account accept invitations (when mail is configured).
  await requestEmailVerification(user).catch(() => undefined);
  return { user: toUserDto(user) };
}
