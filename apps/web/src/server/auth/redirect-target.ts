const BASE = "http://aspen.invalid";

/** Control characters, which browsers strip from URLs (`/\t/evil` becomes `//evil`), and backslashes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * A same-origin path to send the user to after sign-in (`?next=`), or
 * `fallback`. Parses with `new URL` against a placeholder origin and accepts
 * only what stays on it; refuses anything whose path, decoded once, holds a
 * control character or a backslash or begins with `//` (all of which a
 * browser or a redirect could turn into another host).
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return fallback;
  if (UNSAFE.test(value)) return fallback;
  let url: URL;
  let decoded: string;
  try {
    url = new URL(value, BASE);
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  if (UNSAFE.test(decoded) || url.pathname.startsWith("//") || decoded.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
