import net from "node:net";
import { WebSocketServer } from "ws";

/**
 * A WebSocket→TCP relay like Neon's wsproxy: lets the Neon serverless driver talk to a plain
 * local PostgreSQL, so tests exercise the production driver without Neon.
 * The driver connects to ws://127.0.0.1:<port>/v2?address=host:port.
 */
export async function startWsRelay(): Promise<{ port: number; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  wss.on("connection", (ws, req) => {
    const address = new URL(req.url ?? "/", "http://x").searchParams.get("address") ?? "";
    const [host, port] = address.split(":");
    const socket = net.connect(Number(port), host || "127.0.0.1");
    socket.on("data", (chunk) => ws.readyState === ws.OPEN && ws.send(chunk));
    socket.on("close", () => ws.close());
    socket.on("error", () => ws.close());
    ws.on("message", (data) => socket.write(data as Buffer));
    ws.on("close", () => socket.destroy());
  });
  await new Promise<void>((resolve) => wss.on("listening", resolve));
  const port = (wss.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
