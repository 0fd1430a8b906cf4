import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: [
    "dockerode",
    "ssh2",
    "cpu-features",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pino",
    "ws",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // API answers are data, never documents: no sniffing, no framing, no scripts.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
      {
        source: "/monaco/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Cache-Control", value: "public, max-age=86400" },
        ],
      },
    ];
  },
};

export default nextConfig;
