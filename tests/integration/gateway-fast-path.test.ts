/**
 * The Node server's fast path for chat completions: installed at start, it takes POST
 * …/chat/completions from the first request on and leaves every other request to the server's own
 * listener (Next); its answers are the route handlers' answers; bodies over the cap get 413 without
 * being read to the end.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fastPathTarget, gatewayRoute } from "@/server/gateway/fast-path";
import { installFastPath } from "@/server/http/fast-path";
import { newUser, suiteDatabase, type TestUser } from "../chat/helpers";
import { activeDeployment, startGatewayServer } from "../helpers/gateway";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const tdb = suiteDatabase();
let alice: TestUser;
let dep: Awaited<ReturnType<typeof activeDeployment>>;
const ENV = { OFFLINE_MODEL_DELAY_MS: "0" };

beforeAll(async () => {
  Object.assign(process.env, ENV);
  alice = await newUser(tdb.db, "Alice");
  dep = await activeDeployment(tdb.db, alice.caller);
});
afterAll(() => {
  for (const k of Object.keys(ENV)) delete process.env[k];
});

const completion = (model: string, extra: Record<string, unknown> = {}) => JSON.stringify({ model, messages: [{ role: "user", content: "Hello there" }], seed: 1, ...extra });

describe("fastPathTarget", () => {
  it("takes POST chat completions, by model or by the deployment in the path, and nothing else", () => {
    expect(fastPathTarget("POST", "/api/v1/chat/completions")).toBe("");
    expect(fastPathTarget("POST", "/api/v1/chat/completions?x=1")).toBe("");
    expect(fastPathTarget("POST", "/api/v1/deployments/abc/chat/completions")).toBe("abc");
    expect(fastPathTarget("GET", "/api/v1/chat/completions")).toBeNull();
    expect(fastPathTarget("POST", "/api/v1/models")).toBeNull();
    expect(fastPathTarget("POST", "/api/v1/chat/completions/extra")).toBeNull();
    expect(fastPathTarget("POST", "/api/trpc/chat.completions")).toBeNull();
  });
});

describe("installed at server start", () => {
  let server: http.Server;
  let origin: string;
  beforeAll(async () => {
    installFastPath([gatewayRoute]);
    // Plays Next: answers everything it is given with 418.
    server = http.createServer((_req, res) => res.writeHead(418).end("next"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it("answers chat completions from the first request on, and hands every other request to the server's listener", async () => {
    const first = await fetch(`${origin}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${dep.key}`, "content-type": "application/json" },
      body: completion(dep.name),
    });
    expect(first.status).toBe(200);
    expect((await first.json()).object).toBe("chat.completion");
    expect(first.headers.get("x-request-id")).toBeTruthy();
    const models = await fetch(`${origin}/api/v1/models`, { headers: { authorization: `Bearer ${dep.key}` } });
    expect([models.status, await models.text()]).toEqual([418, "next"]);
    expect((await fetch(`${origin}/`)).status).toBe(418);
  });
});

describe("the same answers as the route handlers", () => {
  let fast: Awaited<ReturnType<typeof startGatewayServer>>;
  let routed: Awaited<ReturnType<typeof startGatewayServer>>;
  beforeAll(async () => {
    fast = await startGatewayServer();
    routed = await startGatewayServer({ fastPath: false });
  });
  afterAll(async () => {
    await fast?.close();
    await routed?.close();
  });

  async function call(baseURL: string, body: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${baseURL}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${dep.key}`, "content-type": "application/json", ...headers },
      body,
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get("content-type"),
      csp: res.headers.get("content-security-policy"),
      limit: res.headers.get("x-ratelimit-limit-requests"),
      // Ids and timestamps differ from call to call.
      text: text.replace(/"(id|created|system_fingerprint)":\s*("[^"]*"|\d+)/g, '"$1":_'),
    };
  }

  it("for a completion, a stream and an invalid parameter", async () => {
    for (const body of [completion(dep.name), completion(dep.name, { stream: true }), completion(dep.name, { temperature: 9 })]) {
      const [a, b] = [await call(fast.baseURL, body), await call(routed.baseURL, body)];
      expect(a).toEqual(b);
      expect(a.csp).toContain("default-src 'none'");
    }
    const unknown = completion("not-a-deployment");
    expect(await call(fast.baseURL, unknown)).toEqual(await call(routed.baseURL, unknown));
    expect((await call(fast.baseURL, unknown)).status).toBe(404);
  });

  it("refuses a body over the cap with 413, declared or streamed", async () => {
    const big = completion(dep.name, { padding: "x".repeat(5 * 1024 * 1024) });
    const declared = await call(fast.baseURL, big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).error.code).toBe("request_too_large");
    // Sent in chunks with no declared length: refused once the cap is passed.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${fast.baseURL}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${dep.key}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 6; i++) req.write(Buffer.alloc(1024 * 1024, 32));
      req.end();
    });
    expect(chunked).toBe(413);
  });
});
