import type { NextConfig } from "next";
import { baseHeaders } from "./src/server/net/base-headers.mjs";

const config: NextConfig = {
  // Internal packages are TypeScript source.
  transpilePackages: ["@aspen/core", "@aspen/db", "@aspen/jobs", "@aspen/ui"],
  // Native or Node-only server dependencies: loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "postgres",
    "drizzle-orm",
    "pino",
    "pino-pretty",
    "ioredis",
    "bullmq",
    "nodemailer",
    "prom-client",
    "rate-limiter-flexible",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: baseHeaders,
      },
    ];
  },
};

export default config;
