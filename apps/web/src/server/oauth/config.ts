import { getEnv } from "../../env";

/** Access tokens live 15 minutes; refresh tokens 30 days (rotated on every use); codes 60 seconds. */
export const accessTokenSeconds = 15 * 60;
export const refreshTokenSeconds = 30 * 86_400;
export const authorizationCodeSeconds = 60;

/** The authorization server's issuer identifier (RFC 8414 / RFC 9207): the console's URL. */
export function issuer(): string {
  return getEnv().APP_URL.replace(/\/$/, "");
}
