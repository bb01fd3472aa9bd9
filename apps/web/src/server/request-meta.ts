/** Where a request came from, for audit rows and rate limits. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The client IP: the first x-forwarded-for hop (set by the reverse proxy in
 * front of web), else x-real-ip. Deployments without a trusted proxy should
 * strip these headers at the edge.
 */
export function clientIp(headers: Headers): string | null {
  const xff = headers.get("x-forwarded-for");
  if (xff) {
    const first = xff.split(",")[0]?.trim();
    if (first) return first;
  }
  return headers.get("x-real-ip")?.trim() || null;
}

export function requestMeta(headers: Headers): RequestMeta {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent")?.slice(0, 512) ?? null };
}
