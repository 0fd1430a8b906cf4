import http from "node:http";
import type { AddressInfo } from "node:net";
import type { SocketDeps } from "@/lib/ws/api-run";
import { createUpgradeHandler } from "@/lib/ws/upgrade";

/** An HTTP server in this process that only takes the app's WebSockets (as server.ts forwards them). */
export async function startSocketServer(deps: Partial<SocketDeps> = {}) {
  const handler = createUpgradeHandler(deps);
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => handler.handle(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    ws: (path: string) => `ws://127.0.0.1:${port}${path}`,
    async stop() {
      handler.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
