import http from "node:http";
import type { AddressInfo } from "node:net";

/** A stand-in for Inngest's event API (`POST /e/:key`), answering as the SDK expects. */
export async function startEventIntake(port = 0) {
  const received: Array<{ id?: string; name: string; data: unknown }> = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.startsWith("/e/")) {
        res.writeHead(404).end();
        return;
      }
      const events = JSON.parse(body) as typeof received;
      received.push(...events);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: events.map((e, i) => e.id ?? `evt-${i}`), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    received,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (bound then released). */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
