/**
 * The OpenAI-compatible API against real HTTP, with the official `openai` client and the AI SDK's
 * openai-compatible provider as callers: answers and streams, usage, errors as the client's
 * APIError with our status and code, key scope and revocation, limits under concurrency, a client
 * disconnect reaching the upstream, pause and cold start, the size cap and the usage records.
 */
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, streamText } from "ai";
import { and, eq } from "drizzle-orm";
import OpenAI, { APIError } from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { apiKeys, deployments, usageRecords } from "@/server/db/schema";
import { advance } from "@/server/deployments/advance";
import { forgetWarmth } from "@/server/gateway/cold-start";
import { flushUsage } from "@/server/gateway/meter";
import { forgetRoutes } from "@/server/gateway/resolve";
import { newUser, suiteDatabase, type TestUser } from "../chat/helpers";
import { type FakeOpenAI, startFakeOpenAI } from "../fakes/openai-upstream";
import { activeDeployment, startGatewayServer } from "../helpers/gateway";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const tdb = suiteDatabase();
let server: Awaited<ReturnType<typeof startGatewayServer>>;
let fake: FakeOpenAI;
let alice: TestUser;
let bob: TestUser;
let dep: Awaited<ReturnType<typeof activeDeployment>>;

const ENV = { OFFLINE_MODEL_DELAY_MS: "0", GATEWAY_COLD_START_WAIT_MS: "200", GATEWAY_MAX_BODY_BYTES: String(64 * 1024) };

beforeAll(async () => {
  Object.assign(process.env, ENV);
  server = await startGatewayServer();
  fake = await startFakeOpenAI({ apiKey: "sk-upstream" });
  alice = await newUser(tdb.db, "Alice");
  bob = await newUser(tdb.db, "Bob");
  dep = await activeDeployment(tdb.db, alice.caller);
});
afterAll(async () => {
  for (const k of Object.keys(ENV)) delete process.env[k];
  await server?.close();
  await fake?.close();
});
afterEach(() => {
  delete process.env.RADIUM_SIM_UPSTREAM_URL;
  delete process.env.RADIUM_SIM_UPSTREAM_API_KEY;
});

const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: server.baseURL, maxRetries: 0 });
const hello = [{ role: "user" as const, content: "Hello there" }];

async function apiError(p: Promise<unknown>): Promise<APIError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof APIError)) throw new Error(`expected an APIError, got ${String(err)}`);
  return err;
}

function useFakeUpstream() {
  process.env.RADIUM_SIM_UPSTREAM_URL = fake.url;
  process.env.RADIUM_SIM_UPSTREAM_API_KEY = "sk-upstream";
}

describe("POST /api/v1/chat/completions with the openai client", () => {
  it("answers a completion in OpenAI's shape, with usage and a request id", async () => {
    const { data, response } = await client(dep.key).chat.completions.create({ model: dep.name, messages: hello }).withResponse();
    expect(data.object).toBe("chat.completion");
    expect(data.model).toBe(dep.name);
    expect(data.choices[0]?.message.role).toBe("assistant");
    expect(data.choices[0]?.message.content).toMatch(/offline model/i);
    expect(data.choices[0]?.finish_reason).toBe("stop");
    expect(data.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    expect(data.usage?.total_tokens).toBe((data.usage?.prompt_tokens ?? 0) + (data.usage?.completion_tokens ?? 0));
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(response.headers.get("x-ratelimit-limit-requests")).toBe("600");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("streams chunks that reassemble to the same text, ending with a usage chunk when asked", async () => {
    const whole = await client(dep.key).chat.completions.create({ model: dep.name, messages: hello });
    const stream = await client(dep.key).chat.completions.create({
      model: dep.name,
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const c of stream) {
      chunks.push(c);
      text += c.choices[0]?.delta?.content ?? "";
    }
    expect(chunks.length).toBeGreaterThan(3);
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.model === dep.name)).toBe(true);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage?.completion_tokens).toBe(whole.usage?.completion_tokens);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");

    const plain = await client(dep.key).chat.completions.create({ model: dep.name, messages: hello, stream: true });
    const plainChunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const c of plain) plainChunks.push(c);
    expect(plainChunks.some((c) => c.usage)).toBe(false);
  });

  it("applies max_tokens and stop sequences on the simulator", async () => {
    const short = await client(dep.key).chat.completions.create({ model: dep.name, messages: hello, max_tokens: 5 });
    expect(short.choices[0]?.finish_reason).toBe("length");
    expect(short.usage?.completion_tokens).toBe(5);
    const stopped = await client(dep.key).chat.completions.create({ model: dep.name, messages: hello, stop: ["offline"] });
    expect(stopped.choices[0]?.message.content).not.toContain("offline");
    expect(stopped.choices[0]?.finish_reason).toBe("stop");
    const json = await client(dep.key).chat.completions.create({ model: dep.name, messages: hello, response_format: { type: "json_object" } });
    expect(JSON.parse(json.choices[0]?.message.content ?? "")).toHaveProperty("answer");
  });

  it("answers on the deployment's own endpoint URL too, whatever the model says", async () => {
    const own = new OpenAI({ apiKey: dep.key, baseURL: `${server.baseURL}/deployments/${dep.id}`, maxRetries: 0 });
    const answer = await own.chat.completions.create({ model: "anything", messages: hello });
    expect(answer.model).toBe(dep.name);
    const bobKey = await bob.caller.apiKeys.create({ name: "bob's own" });
    const other = new OpenAI({ apiKey: bobKey.key, baseURL: `${server.baseURL}/deployments/${dep.id}`, maxRetries: 0 });
    const err = await apiError(other.chat.completions.create({ model: "anything", messages: hello }));
    expect([err.status, err.code]).toEqual([404, "model_not_found"]);
  });

  it("lists the caller's active deployments as models with their context length", async () => {
    const models = await client(dep.key).models.list();
    expect(models.data.map((m) => m.id)).toEqual([dep.name]);
    expect((models.data[0] as unknown as { context_length: number }).context_length).toBeGreaterThan(0);
  });
});

describe("errors surface as the client's APIError with our status and code", () => {
  it("refuses a missing, unknown, revoked or expired key with 401 invalid_api_key", async () => {
    const missing = await fetch(`${server.baseURL}/chat/completions`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: { message: expect.stringMatching(/didn't provide an API key/), type: "authentication_error", param: null, code: "invalid_api_key" },
    });
    const unknown = await apiError(client(`rad_${"x".repeat(43)}`).chat.completions.create({ model: dep.name, messages: hello }));
    expect([unknown.status, unknown.code]).toEqual([401, "invalid_api_key"]);

    const revoked = await alice.caller.apiKeys.create({ name: "to revoke" });
    await client(revoked.key).chat.completions.create({ model: dep.name, messages: hello });
    await alice.caller.apiKeys.revoke({ id: revoked.apiKey.id });
    const r = await apiError(client(revoked.key).chat.completions.create({ model: dep.name, messages: hello }));
    expect([r.status, r.code, r.type]).toEqual([401, "invalid_api_key", "authentication_error"]);

    const expiring = await alice.caller.apiKeys.create({ name: "expires", expiresAt: new Date(Date.now() + 60_000) });
    await tdb.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, expiring.apiKey.id));
    // Another process would notice within the cache's few seconds; this one is told to look again.
    const { forgetCachedKey } = await import("@/server/gateway/auth-cache");
    const { hashApiToken } = await import("@/server/deployments/api-token");
    forgetCachedKey(hashApiToken(expiring.key));
    const e = await apiError(client(expiring.key).chat.completions.create({ model: dep.name, messages: hello }));
    expect([e.status, e.code]).toEqual([401, "invalid_api_key"]);
  });

  it("answers 404 model_not_found for an unknown name and for another user's deployment", async () => {
    const unknown = await apiError(client(dep.key).chat.completions.create({ model: "no-such-endpoint", messages: hello }));
    expect([unknown.status, unknown.code, unknown.param]).toEqual([404, "model_not_found", "model"]);
    const bobKey = await bob.caller.apiKeys.create({ name: "bob's" });
    const other = await apiError(client(bobKey.key).chat.completions.create({ model: dep.name, messages: hello }));
    expect([other.status, other.code]).toEqual([404, "model_not_found"]);
    expect(other.message).toBe(unknown.message.replace("no-such-endpoint", dep.name));
    expect((await client(bobKey.key).models.list()).data).toEqual([]);
  });

  it("answers 403 when a key scoped to one deployment calls another", async () => {
    const second = await activeDeployment(tdb.db, alice.caller);
    const err = await apiError(client(dep.key).chat.completions.create({ model: second.name, messages: hello }));
    expect([err.status, err.code]).toEqual([403, "key_scope_mismatch"]);
    const all = await alice.caller.apiKeys.create({ name: "all deployments" });
    const ok = await client(all.key).chat.completions.create({ model: second.name, messages: hello });
    expect(ok.model).toBe(second.name);
    expect((await client(dep.key).models.list()).data.map((m) => m.id)).toEqual([dep.name]);
  });

  it("answers 409 for a paused deployment", async () => {
    const paused = await activeDeployment(tdb.db, alice.caller);
    expect((await advance(tdb.db, paused.id, "active", "pause_requested")).ok).toBe(true);
    forgetRoutes();
    const err = await apiError(client(paused.key).chat.completions.create({ model: paused.name, messages: hello }));
    expect([err.status, err.code]).toEqual([409, "deployment_paused"]);
    expect(err.message).toMatch(/paused/);
  });

  it("answers 413 for a body over the cap and 400 naming a parameter the upstream cannot take", async () => {
    const big = await apiError(client(dep.key).chat.completions.create({ model: dep.name, messages: [{ role: "user", content: "x".repeat(70 * 1024) }] }));
    expect([big.status, big.code]).toEqual([413, "request_too_large"]);
    const tools = await apiError(
      client(dep.key).chat.completions.create({
        model: dep.name,
        messages: hello,
        tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: {} } } }],
      }),
    );
    expect([tools.status, tools.code, tools.param]).toEqual([400, "unsupported_parameter", "tools"]);
    const bad = await apiError(client(dep.key).chat.completions.create({ model: dep.name, messages: hello, temperature: 7 }));
    expect([bad.status, bad.param]).toEqual([400, "temperature"]);
  });

  it("answers 503 with Retry-After while a scaled-to-zero deployment wakes", async () => {
    forgetWarmth();
    const cold = await activeDeployment(tdb.db, alice.caller, { scaling: { minReplicas: 0, maxReplicas: 1 } });
    const res = await fetch(`${server.baseURL}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${cold.key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: cold.name, messages: hello }),
    });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("model_unavailable");
  });
});

describe("through an OpenAI-compatible upstream (RADIUM_SIM_UPSTREAM_URL)", () => {
  it("forwards with the upstream's key and model, and passes its stream through", async () => {
    useFakeUpstream();
    const before = fake.requests.length;
    const answer = await client(dep.key).chat.completions.create({ model: dep.name, messages: hello, temperature: 0.2, seed: 7 });
    expect(answer.choices[0]?.message.content).toBe(fake.reply());
    expect(answer.model).toBe(dep.name);
    const forwarded = fake.requests[before]!;
    expect(forwarded.authorization).toBe("Bearer sk-upstream");
    expect(forwarded.body).toMatchObject({ model: "meta-llama/Llama-3.1-8B-Instruct", temperature: 0.2, seed: 7 });
    let text = "";
    for await (const c of await client(dep.key).chat.completions.create({ model: dep.name, messages: hello, stream: true })) {
      text += c.choices[0]?.delta?.content ?? "";
    }
    expect(text).toBe(fake.reply());
  });

  it("aborts the upstream request when the client goes away mid-stream", async () => {
    useFakeUpstream();
    fake.setChunkDelay(50);
    try {
      const aborted = fake.nextAbort();
      const before = fake.aborts;
      const stream = await client(dep.key).chat.completions.create({ model: dep.name, messages: hello, stream: true });
      let n = 0;
      for await (const _ of stream) {
        if (++n === 2) break; // leaving the loop aborts the client's request
      }
      await aborted;
      expect(fake.aborts).toBe(before + 1);
      // The usage record is queued once the gateway has seen the disconnect too.
      await vi.waitFor(async () => {
        await flushUsage();
        const rows = await tdb.db
          .select()
          .from(usageRecords)
          .where(and(eq(usageRecords.deploymentId, dep.id), eq(usageRecords.errorCode, "client_closed")));
        expect(rows.map((r) => r.status)).toEqual([499]);
      });
    } finally {
      fake.setChunkDelay(0);
    }
  });

  it("maps an upstream failure to 502 and its 503 to 503 with Retry-After", async () => {
    useFakeUpstream();
    fake.failNext(500, "boom");
    const failed = await apiError(client(dep.key).chat.completions.create({ model: dep.name, messages: hello }));
    expect([failed.status, failed.code]).toEqual([502, "upstream_error"]);
    fake.failNext(503, "loading", { "retry-after": "7" });
    const loading = await apiError(client(dep.key).chat.completions.create({ model: dep.name, messages: hello }));
    expect([loading.status, loading.headers?.get("retry-after")]).toEqual([503, "7"]);
  });
});

describe("the AI SDK's openai-compatible provider", () => {
  it("generates and streams text", async () => {
    const provider = createOpenAICompatible({ name: "radium", baseURL: server.baseURL, apiKey: dep.key, includeUsage: true });
    const generated = await generateText({ model: provider.chatModel(dep.name), prompt: "Hello there" });
    expect(generated.text).toMatch(/offline model/i);
    expect(generated.usage.outputTokens).toBeGreaterThan(0);
    const streamed = streamText({ model: provider.chatModel(dep.name), prompt: "Hello there" });
    expect(await streamed.text).toBe(generated.text);
  });
});

describe("limits and metering", () => {
  it("lets exactly the limit through when 50 requests arrive at once on one key", async () => {
    const LIMIT = 7;
    const limited = await activeDeployment(tdb.db, alice.caller, { security: { requestsPerMinute: LIMIT } });
    // A window boundary in the middle would let a second window's worth through: start after one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${server.baseURL}/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${limited.key}`, "content-type": "application/json" },
          body: JSON.stringify({ model: limited.name, messages: hello, max_tokens: 3 }),
        }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.text() })),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(LIMIT);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(50 - LIMIT);
    const one = refused[0]!;
    expect(JSON.parse(one.body).error.code).toBe("rate_limit_exceeded");
    expect(Number(one.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(one.headers.get("x-ratelimit-limit-requests")).toBe(String(LIMIT));
    expect(one.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(one.headers.get("x-ratelimit-reset-requests")).toMatch(/^\d+s$|^\d+m\d+s$/);
    expect(one.headers.get("x-ratelimit-limit-tokens")).toBeTruthy();
  });

  it("writes one usage record per request and keeps the deployment's counters and the key's last use", async () => {
    const metered = await activeDeployment(tdb.db, alice.caller, { security: { requestLogging: true } });
    await client(metered.key).chat.completions.create({ model: metered.name, messages: hello });
    for await (const _ of await client(metered.key).chat.completions.create({ model: metered.name, messages: hello, stream: true })) {
      // drain
    }
    await apiError(client(metered.key).chat.completions.create({ model: metered.name, messages: hello, temperature: 9 }));
    await flushUsage();
    const rows = await tdb.db.select().from(usageRecords).where(eq(usageRecords.deploymentId, metered.id));
    expect(rows.map((r) => [r.status, r.stream, r.source]).sort()).toEqual(
      [
        [200, false, "api"],
        [200, true, "api"],
      ].sort(),
    );
    // The 400 was refused while reading the body, before routing: nothing to meter it against.
    const ok = rows.find((r) => !r.stream)!;
    expect(ok.userId).toBe(alice.id);
    expect(ok.promptTokens).toBeGreaterThan(0);
    expect(ok.completionTokens).toBeGreaterThan(0);
    expect(ok.ttftMs).not.toBeNull();
    expect(ok.requestText).toContain("user: Hello there");
    expect(ok.responseText).toMatch(/offline model/i);
    const streamed = rows.find((r) => r.stream)!;
    expect(streamed.ttftMs).toBeLessThanOrEqual(streamed.totalMs);
    const [d] = await tdb.db.select().from(deployments).where(eq(deployments.id, metered.id));
    expect(d?.requestCount).toBe(2);
    expect(d?.avgLatencyMs).not.toBeNull();
    const [key] = await tdb.db.select().from(apiKeys).where(eq(apiKeys.deploymentId, metered.id));
    expect(key?.lastUsedAt).toBeInstanceOf(Date);

    const quiet = await activeDeployment(tdb.db, alice.caller, { security: { requestLogging: false } });
    await client(quiet.key).chat.completions.create({ model: quiet.name, messages: hello });
    await flushUsage();
    const [q] = await tdb.db.select().from(usageRecords).where(eq(usageRecords.deploymentId, quiet.id));
    expect([q?.requestText, q?.responseText, q?.status]).toEqual([null, null, 200]);
  });
});
