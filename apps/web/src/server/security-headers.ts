/** A fresh CSP nonce (128 random bits, base64). Web Crypto: proxy.ts may run on any runtime. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of every page. Scripts run only with this
 * request's nonce (Next.js puts it on its own scripts when it finds it in the
 * request's CSP header) and what those load ('strict-dynamic'); no inline or
 * injected script. Styles allow inline attributes (charts and React set
 * `style=`), which cannot run code. `dev` adds what `next dev` needs.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "upgrade-insecure-requests",
  ].join("; ");
}

/** Headers of every page besides the CSP: HSTS when the console is served over https, and a closed Permissions-Policy. */
export function pageSecurityHeaders(appUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  if (appUrl.startsWith("https://")) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
