import type { UserRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

/** The console languages a user can choose. */
export const userLocales = ["en", "zh-CN"] as const;

export const userSchema = z.object({
  id: z.string().meta({ example: "usr_5hT2kP9wQ3nB7xM1cV4rLz" }),
  email: z.string(),
  name: z.string(),
  /** null: follow the browser. */
  locale: z.enum(userLocales).nullable(),
  platformAdmin: z.boolean(),
  createdAt: z.date(),
});
export type UserDto = z.infer<typeof userSchema>;

export function toUserDto(u: UserRow): UserDto {
  const locale = userLocales.find((l) => l === u.locale) ?? null;
  return { id: publicId("usr", u.id), email: u.email, name: u.name, locale, platformAdmin: u.platformAdmin, createdAt: u.createdAt };
}
