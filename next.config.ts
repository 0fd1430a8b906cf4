import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: [
    "dockerode",
    "ssh2",
    "cpu-features",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pino",
    "prom-client",
    "ws",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // CodeRunner calls Jobe at /jobe/index.php/restapi/…; both that and /jobe/restapi/… work.
  async rewrites() {
    return [{ source: "/jobe/index.php/restapi/:path*", destination: "/jobe/restapi/:path*" }];
  },
  // API answers are data, never documents: no sniffing, no framing, no scripts.
  async headers() {
    const dataOnly = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "no-referrer" },
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
    ];
    return [
      { source: "/api/:path*", headers: dataOnly },
      { source: "/jobe/:path*", headers: dataOnly },
      { source: "/metrics", headers: dataOnly },
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
