import { setUserLocale } from "@aspen/db";
import { z } from "zod";
import { authedProcedure } from "../../trpc";

export const locales = ["en", "zh-CN"] as const;

/** Remembers the user's console language. */
export const setLocale = authedProcedure
  .input(z.object({ locale: z.enum(locales) }))
  .mutation(async ({ ctx, input }) => {
    await setUserLocale(ctx.systemDb, ctx.user.id, input.locale);
    return { locale: input.locale };
  });
