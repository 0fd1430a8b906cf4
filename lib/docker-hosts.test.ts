import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDockerHosts } from "./docker-hosts";

describe("RUNBOX_DOCKER_HOSTS", () => {
  it("reads sockets, tcp with TLS and ssh, each with a capacity", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tls-"));
    for (const f of ["ca.pem", "cert.pem", "key.pem"]) fs.writeFileSync(path.join(dir, f), f);
    const hosts = parseDockerHosts(`unix:///run/a.sock=3, tcp://10.0.0.5:2376?tls=${dir}=8, ssh://rb@h2, tcp://h3`, 2);
    expect(hosts.map((h) => [h.id, h.capacity])).toEqual([
      ["unix:/run/a.sock", 3],
      ["tcp:10.0.0.5:2376", 8],
      ["ssh:h2", 2],
      ["tcp:h3", 2],
    ]);
    expect(hosts[1]?.endpoint).toMatchObject({ host: "10.0.0.5", port: 2376, protocol: "https", ca: "ca.pem" });
    expect(hosts[2]?.endpoint).toMatchObject({ protocol: "ssh", username: "rb", port: 22 });
  });

  it("names a bad entry", () => {
    expect(() => parseDockerHosts("unix:///a.sock=0", 1)).toThrow(/entry 1.*capacity/);
    expect(() => parseDockerHosts("ftp://x", 1)).toThrow(/use unix/);
    expect(() => parseDockerHosts("tcp://h?tls=/nonexistent", 1)).toThrow(/cannot read/);
  });
});
