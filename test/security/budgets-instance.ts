/**
 * One console instance for the multi-instance budget test: the production proxy (handleProxyNode)
 * on a Node server, with the environment the test passes (DATABASE_URL shared with the others).
 * Prints `PORT <n>` once it listens. Run with `tsx --conditions=react-server`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { stampPeer } from "@/lib/server/peer";
import { handleProxyNode } from "@/lib/server/proxy/node";

const server = http.createServer((req, res) => {
  stampPeer(req);
  void handleProxyNode(req, res);
});
server.listen(0, "127.0.0.1", () => {
  console.log(`PORT ${(server.address() as AddressInfo).port}`);
});
process.on("SIGTERM", () => process.exit(0));
