/**
 * The gateway's routes served over real HTTP (node:http) the way `next start` serves them: chat
 * completions by the server's fast path (src/server/gateway/fast-path.ts, on src/server/http/fast-path.ts) in front of a listener
 * that plays Next, handing the route handlers a web Request (the body streamed in, the request's
 * signal aborted when the client goes away) and writing their response as it is pulled (waiting for
 * the socket to drain). `{ fastPath: false }` leaves everything to the route handlers, as
 * FAST_PATH=0 does. Plus deployments made ready to call.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { POST as chatCompletions } from "@/app/api/v1/chat/completions/route";
import { POST as deploymentChatCompletions } from "@/app/api/v1/deployments/[id]/chat/completions/route";
import { GET as listModels } from "@/app/api/v1/models/route";
import { deployments } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { advance } from "@/server/deployments/advance";
import { gatewayRoute } from "@/server/gateway/fast-path";
import { wrapServer } from "@/server/http/fast-path";
import { computeSpecFor } from "@/server/deployments/spec";
import { ComputeSimulator } from "@/server/providers/compute/simulator";
import { createInput } from "./deployments";

type Caller = { deployments: { create: (input: ReturnType<typeof createInput>) => Promise<{ id: string; apiToken: string | null }> } };

export async function startGatewayServer(opts: { fastPath?: boolean } = {}) {
  const server = http.createServer(async (req, res) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${req.url}`;
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort(new Error("client disconnected"));
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      signal: abort.signal,
      // @ts-expect-error Node's fetch Request needs this for a streamed body
      duplex: "half",
    });
    const path = new URL(url).pathname;
    const own = /^\/api\/v1\/deployments\/([^/]+)\/chat\/completions$/.exec(path);
    const response =
      path === "/api/v1/chat/completions" && req.method === "POST"
        ? await chatCompletions(request)
        : path === "/api/v1/models" && req.method === "GET"
          ? await listModels(request)
          : own && req.method === "POST"
            ? await deploymentChatCompletions(request, { params: Promise.resolve({ id: own[1]! }) })
            : new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    const reader = response.body.getReader();
    res.on("close", () => void reader.cancel(new Error("client disconnected")).catch(() => {}));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!res.write(value)) await new Promise((r) => res.once("drain", r));
      }
      res.end();
    } catch {
      res.destroy();
    }
  });
  if (opts.fastPath !== false) wrapServer(server, [gatewayRoute]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Creates a deployment through the router and brings it to active as the provisioning functions
 * would, with a real simulator provider id (created `agoMs` ago, so it is running by now).
 */
export async function activeDeployment(db: Db, caller: Caller, over: Parameters<typeof createInput>[0] = {}, agoMs = 10 * 60_000) {
  const created = await caller.deployments.create(createInput(over));
  const [row] = await db.select().from(deployments).where(eq(deployments.id, created.id));
  if (!row) throw new Error("deployment not created");
  const sim = new ComputeSimulator({ baseUrl: "http://localhost", speed: 1, failureRate: 0, now: () => Date.now() - agoMs });
  const handle = await sim.create(await computeSpecFor(db, row));
  expect((await advance(db, created.id, "pending", "provision_started", { patch: { providerKind: "simulator", providerId: handle.providerId } })).ok).toBe(true);
  expect((await advance(db, created.id, "provisioning", "provider_ready")).ok).toBe(true);
  expect((await advance(db, created.id, "starting", "became_active", { patch: { endpointUrl: handle.url ?? null } })).ok).toBe(true);
  return { id: created.id, name: row.name, key: created.apiToken ?? "" };
}
