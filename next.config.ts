import type { NextConfig } from "next";
import { FILE_CSP } from "./lib/http/file-csp";

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
    // Files a run wrote (an SVG may hold a script): a sandboxing CSP. Listed after /api, so it
    // replaces that entry's CSP for these paths (the last match of a header key wins).
    const fileOnly = [{ key: "Content-Security-Policy", value: FILE_CSP }];
    return [
      { source: "/api/:path*", headers: dataOnly },
      { source: "/api/runs/:id/files/:index", headers: fileOnly },
      { source: "/api/shares/:slug/files/:index", headers: fileOnly },
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
