/**
 * The Node server's fast path (src/server/http/fast-path.ts with fast-routes.ts): tRPC calls and
 * chat turns are answered by the same handlers as the Next routes, with the API's security headers
 * and a request id, and every other request (and any body the fast path will not hold) reaches the
 * server's own listener (which plays Next here, answering 418).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { wrapServer } from "@/server/http/fast-path";
import { fastRoutes } from "@/server/http/fast-routes";
import { API_CONTENT_SECURITY_POLICY } from "@/server/http/security-headers";
import { newUser, parseSse, suiteDatabase, textOf, userMessage, type TestUser } from "../chat/helpers";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const tdb = suiteDatabase();
let alice: TestUser;
let server: http.Server;
let origin: string;
const ENV = { OFFLINE_MODEL_DELAY_MS: "0" };

beforeAll(async () => {
  Object.assign(process.env, ENV);
  alice = await newUser(tdb.db, "Alice");
  server = http.createServer((_req, res) => res.writeHead(418).end("next"));
  wrapServer(server, fastRoutes);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const k of Object.keys(ENV)) delete process.env[k];
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function expectApiHeaders(res: Response) {
  expect(res.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-request-id")).toMatch(/\S/);
}

const historyInput = encodeURIComponent(JSON.stringify({ 0: { json: { limit: 5, cursor: null, direction: "forward" } } }));

describe("the server's fast path", () => {
  let chatId = "";
  it("runs a chat turn and streams the answer", async () => {
    const id = crypto.randomUUID();
    const res = await fetch(`${origin}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: alice.cookie, origin, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ id, trigger: "submit-message", model: OFFLINE_MODEL_ID, message: userMessage("Say hello") }),
    });
    expect(res.status).toBe(200);
    expectApiHeaders(res);
    const text = textOf(parseSse(await res.text()));
    expect(text.length).toBeGreaterThan(0);
    chatId = id;
  });

  it("answers a tRPC query for the signed-in user (the chat just made), and 401 without a session", async () => {
    const res = await fetch(`${origin}/api/trpc/chats.history?batch=1&input=${historyInput}`, { headers: { cookie: alice.cookie } });
    expect(res.status).toBe(200);
    expectApiHeaders(res);
    const [first] = (await res.json()) as Array<{ result: { data: { json: { items: Array<{ id: string }> } } } }>;
    expect(first?.result.data.json.items.map((c) => c.id)).toEqual([chatId]);
    const anon = await fetch(`${origin}/api/trpc/chats.history?batch=1&input=${historyInput}`);
    expect(anon.status).toBe(401);
    expectApiHeaders(anon);
  });

  it("frames a streamed (JSON lines) answer so the kept-alive connection serves the next one", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get(`${origin}/api/trpc/chats.history?batch=1&input=${historyInput}`, { agent, headers: { cookie: alice.cookie, "trpc-accept": "application/jsonl" } }, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => {
              body += c;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on("error", reject);
      });
    try {
      for (let i = 0; i < 3; i++) {
        const { status, body } = await get();
        expect(status).toBe(200);
        const lines = body.split("\n").filter(Boolean);
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
        expect(body).toContain(chatId);
      }
    } finally {
      agent.destroy();
    }
  });

  it("refuses a chat turn without a session, as the route does", async () => {
    const res = await fetch(`${origin}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: crypto.randomUUID(), trigger: "submit-message", model: OFFLINE_MODEL_ID, message: userMessage("hi") }),
    });
    expect(res.status).toBe(401);
    expectApiHeaders(res);
  });

  it("leaves every other request, and bodies of no declared length, to the server's listener", async () => {
    for (const [path, init] of [
      ["/", {}],
      ["/api/chats", { method: "POST", body: "{}" }],
      ["/api/chat", {}],
      ["/api/trpcx/a", {}],
      ["/api/v1/models", {}],
    ] as const) {
      const res = await fetch(`${origin}${path}`, init);
      expect([path, res.status, await res.text()]).toEqual([path, 418, "next"]);
    }
    // A streamed body (chunked, no content-length) is not held in memory by the fast path.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${origin}/api/trpc/chats.delete`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("{");
      req.end("}");
    });
    expect(chunked).toBe(418);
  });
});
