/**
 * A Hugging Face deployment behind the gateway, against the local Inference Endpoints fake with its
 * endpoints' own OpenAI-compatible routes: the call goes to `<endpoint url>/v1/chat/completions`
 * with the HF token and the repository as model; a scaled-to-zero endpoint is woken (a request to
 * it) and the caller told to come back (503 + Retry-After), then served once it runs.
 */
import { eq } from "drizzle-orm";
import OpenAI, { APIError } from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deployments } from "@/server/db/schema";
import { advance } from "@/server/deployments/advance";
import { computeSpecFor } from "@/server/deployments/spec";
import { forgetWarmth } from "@/server/gateway/cold-start";
import { computeProvider } from "@/server/providers/compute";
import { newUser, suiteDatabase, type TestUser } from "../chat/helpers";
import { type HfEndpointsFake, startHfEndpointsFake } from "../fakes/hf-endpoints-server";
import { createInput } from "../helpers/deployments";
import { startGatewayServer } from "../helpers/gateway";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const tdb = suiteDatabase();
const NS = "radium-test";
let hf: HfEndpointsFake;
let server: Awaited<ReturnType<typeof startGatewayServer>>;
let alice: TestUser;
const ENV = ["HF_TOKEN", "HF_NAMESPACE", "HF_API_BASE_URL", "GATEWAY_COLD_START_WAIT_MS"];

beforeAll(async () => {
  hf = await startHfEndpointsFake({ token: "hf_test", localInference: true, durations: { pendingMs: 0, initializingMs: 0, resumingMs: 60_000 } });
  Object.assign(process.env, { HF_TOKEN: "hf_test", HF_NAMESPACE: NS, HF_API_BASE_URL: hf.url, GATEWAY_COLD_START_WAIT_MS: "100" });
  server = await startGatewayServer();
  alice = await newUser(tdb.db, "Alice");
});
afterAll(async () => {
  for (const k of ENV) delete process.env[k];
  await server?.close();
  await hf?.close();
});

/** A deployment created on the (fake) Hugging Face API and brought to active as the functions would. */
async function hfDeployment(over: Parameters<typeof createInput>[0] = {}) {
  const created = await alice.caller.deployments.create(createInput(over));
  const [row] = await tdb.db.select().from(deployments).where(eq(deployments.id, created.id));
  const provider = computeProvider();
  expect(provider.kind).toBe("huggingface");
  const handle = await provider.create(await computeSpecFor(tdb.db, row!));
  const status = await provider.get(handle.providerId);
  expect(status.providerState).toBe("running");
  await advance(tdb.db, created.id, "pending", "provision_started", { patch: { providerKind: "huggingface", providerId: handle.providerId } });
  await advance(tdb.db, created.id, "provisioning", "provider_ready");
  await advance(tdb.db, created.id, "starting", "became_active", { patch: { endpointUrl: status.url ?? null } });
  return { id: created.id, name: row!.name, key: created.apiToken ?? "", providerId: handle.providerId };
}

describe("a Hugging Face deployment", () => {
  it("is called on its endpoint's OpenAI-compatible route with the HF token and the repository", async () => {
    const dep = await hfDeployment();
    const client = new OpenAI({ apiKey: dep.key, baseURL: server.baseURL, maxRetries: 0 });
    const answer = await client.chat.completions.create({ model: dep.name, messages: [{ role: "user", content: "hi" }] });
    expect(answer.choices[0]?.message.content).toBe("Hello from a Hugging Face endpoint.");
    expect(answer.model).toBe(dep.name);
    const call = hf.requests.find((r) => r.path === `/__inference/${dep.providerId}/v1/chat/completions`);
    expect(call?.authorization).toBe("Bearer hf_test");
    expect(call?.body).toMatchObject({ model: "meta-llama/Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "hi" }] });
  });

  it("wakes a scaled-to-zero endpoint, answers 503 with Retry-After meanwhile, and serves once it runs", async () => {
    forgetWarmth();
    const dep = await hfDeployment({ scaling: { minReplicas: 0, maxReplicas: 1 } });
    const zero = await fetch(`${hf.url}/v2/endpoint/${NS}/${dep.providerId}/scale-to-zero`, { method: "POST", headers: { authorization: "Bearer hf_test" } });
    expect(zero.status).toBe(200);
    expect(hf.stateOf(NS, dep.providerId)).toBe("scaledToZero");
    const client = new OpenAI({ apiKey: dep.key, baseURL: server.baseURL, maxRetries: 0 });
    const ask = () => client.chat.completions.create({ model: dep.name, messages: [{ role: "user", content: "hi" }] });

    const cold = await ask().then(
      () => null,
      (e: unknown) => e,
    );
    expect(cold).toBeInstanceOf(APIError);
    expect([(cold as APIError).status, (cold as APIError).code]).toEqual([503, "model_unavailable"]);
    expect(Number((cold as APIError).headers?.get("retry-after"))).toBeGreaterThan(0);
    // The gateway's wake-up request reached the endpoint, which is now starting.
    await vi.waitFor(() => expect(hf.stateOf(NS, dep.providerId)).toBe("initializing"));

    hf.advance(60_000);
    expect(hf.stateOf(NS, dep.providerId)).toBe("running");
    const served = await ask();
    expect(served.choices[0]?.message.content).toBe("Hello from a Hugging Face endpoint.");
  });
});
