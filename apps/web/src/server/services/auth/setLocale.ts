import { setUserLocale } from "@aspen/db";
import { z } from "zod";
import type { UserScope } from "../scope";
import { userLocales } from "./dto";

export const setLocaleInput = z.object({ locale: z.enum(userLocales) });
export const setLocaleOutput = setLocaleInput;

/** Remembers the user's console language. */
export async function setLocale(user: UserScope, input: z.output<typeof setLocaleInput>): Promise<z.output<typeof setLocaleOutput>> {
  await setUserLocale(user.systemDb, user.user.id, input.locale);
  return { locale: input.locale };
}
