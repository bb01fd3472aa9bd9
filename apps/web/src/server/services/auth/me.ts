import { findUserById } from "@aspen/db";
import { appError } from "../../errors";
import type { UserScope } from "../scope";
import { toUserDto, userSchema, type UserDto } from "./dto";

export const getMeOutput = userSchema;

/** The signed-in user. */
export async function getMe(user: UserScope): Promise<UserDto> {
  const row = await findUserById(user.systemDb, user.user.id);
  if (!row) throw appError("UNAUTHORIZED", "unauthenticated", "Your account no longer exists; sign in again");
  return toUserDto(row);
}
