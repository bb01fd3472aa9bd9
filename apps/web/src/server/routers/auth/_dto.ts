import type { UserRow } from "@aspen/db";
import { publicId } from "../../public-ids";

export function toUserDto(u: UserRow) {
  return {
    id: publicId("usr", u.id),
    email: u.email,
    name: u.name,
    locale: (u.locale ?? null) as "en" | "zh-CN" | null,
    platformAdmin: u.platformAdmin,
    createdAt: u.createdAt,
  };
}
export type UserDto = ReturnType<typeof toUserDto>;
