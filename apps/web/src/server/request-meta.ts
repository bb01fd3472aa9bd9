import { getEnv } from "../env";

/** Where a request came from, for audit rows and rate limits. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The client IP. The web launcher (`server.mjs`) appends the TCP peer to
 * X-Forwarded-For, so the right-most entry is the socket address and every
 * entry left of it was written by someone else. With `trustedProxyHops` = N
 * (reverse proxies in front of web that each append the address they saw), the
 * client is the entry N places left of the socket address: the right-most one
 * no trusted proxy wrote. Entries a client adds itself sit further left and
 * are ignored.
 */
export function clientIp(headers: Pick<Headers, "get">, trustedProxyHops = 0): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than hops: the proxies added fewer than configured; the left-most is the best we know.
  const ip = entries[Math.max(0, entries.length - 1 - trustedProxyHops)]!;
  return ip.slice(0, 64);
}

export function requestMeta(headers: Pick<Headers, "get">, trustedProxyHops = getEnv().TRUSTED_PROXY_HOPS): RequestMeta {
  return { ip: clientIp(headers, trustedProxyHops), userAgent: headers.get("user-agent")?.slice(0, 512) ?? null };
}
