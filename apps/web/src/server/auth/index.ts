import NextAuth from "next-auth";
import { authConfig } from "./config";

let config: ReturnType<typeof authConfig> | undefined;

/** Auth.js for the console: credentials sign-in, JWT sessions revocable by session version. */
export const { auth, signIn, signOut, handlers } = NextAuth(() => {
  config ??= authConfig();
  return config;
});

export { InvalidCredentials, RateLimited } from "./config";
