// Plain ESM: read by next.config.ts (every response Next.js serves) and by the launcher's /api/v1 bridge.

/** Headers on every response of the web app. */
export const baseHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
