import fs from "node:fs";
import path from "node:path";
import type { DockerEndpoint } from "./sandbox";

export interface DockerHostConfig {
  id: string;
  endpoint: DockerEndpoint;
  capacity: number;
}

/**
 * RUNBOX_DOCKER_HOSTS: comma-separated Docker engines, each `<url>[=<capacity>]`:
 *   unix:///var/run/docker.sock=4
 *   tcp://10.0.0.5:2376?tls=/etc/runbox/certs/a=8   (TLS with ca.pem, cert.pem, key.pem there)
 *   ssh://runbox@10.0.0.6=8                          (the ssh agent's keys)
 * A bad entry is an error that names it (read once at start-up).
 */
export function parseDockerHosts(value: string, defaultCapacity: number): DockerHostConfig[] {
  const entries = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry, i) => {
    const eq = entry.lastIndexOf("=");
    const hasCapacity = eq > 0 && /^\d+$/.test(entry.slice(eq + 1));
    const url = hasCapacity ? entry.slice(0, eq) : entry;
    const capacity = hasCapacity ? Number(entry.slice(eq + 1)) : defaultCapacity;
    if (capacity < 1) throw new Error(`RUNBOX_DOCKER_HOSTS entry ${i + 1} ("${entry}"): capacity must be at least 1.`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`RUNBOX_DOCKER_HOSTS entry ${i + 1} ("${entry}") is not a URL like unix:///var/run/docker.sock.`);
    }
    const id = `${parsed.protocol.replace(":", "")}:${parsed.host || parsed.pathname}`;
    if (parsed.protocol === "unix:") return { id, endpoint: { socketPath: parsed.pathname }, capacity };
    if (parsed.protocol === "tcp:" || parsed.protocol === "https:" || parsed.protocol === "http:") {
      const tlsDir = parsed.searchParams.get("tls");
      const port = Number(parsed.port || (tlsDir ? 2376 : 2375));
      if (!tlsDir) return { id, endpoint: { host: parsed.hostname, port, protocol: "http" }, capacity };
      const read = (name: string) => {
        const file = path.join(tlsDir, name);
        try {
          return fs.readFileSync(file, "utf8");
        } catch {
          throw new Error(
            `RUNBOX_DOCKER_HOSTS entry ${i + 1}: cannot read ${file} (TLS needs ca.pem, cert.pem, key.pem).`,
          );
        }
      };
      return {
        id,
        endpoint: {
          host: parsed.hostname,
          port,
          protocol: "https",
          ca: read("ca.pem"),
          cert: read("cert.pem"),
          key: read("key.pem"),
        },
        capacity,
      };
    }
    if (parsed.protocol === "ssh:") {
      return {
        id,
        endpoint: {
          host: parsed.hostname,
          port: Number(parsed.port || 22),
          protocol: "ssh",
          username: parsed.username || "root",
        },
        capacity,
      };
    }
    throw new Error(
      `RUNBOX_DOCKER_HOSTS entry ${i + 1} ("${entry}"): use unix://, tcp:// (optionally ?tls=<dir>) or ssh://.`,
    );
  });
}
