/** The Hugging Face adapter against a local counterpart of the Inference Endpoints API (no mocks of our code). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HuggingFaceEndpoints } from "@/server/providers/compute/huggingface";
import { endpointName, toCreatePayload } from "@/server/providers/compute/huggingface-payload";
import { ProviderError } from "@/server/providers/compute/types";
import { type HfEndpointsFake, startHfEndpointsFake } from "../fakes/hf-endpoints-server";
import { spec } from "./spec";

const TOKEN = "hf_test_token";
const NS = "radium-test";

describe("Hugging Face Inference Endpoints adapter", () => {
  let fake: HfEndpointsFake;
  let hf: HuggingFaceEndpoints;

  beforeAll(async () => {
    fake = await startHfEndpointsFake({ token: TOKEN, durations: { pendingMs: 1000, initializingMs: 2000, resumingMs: 1500 } });
    hf = new HuggingFaceEndpoints({ token: TOKEN, namespace: NS, baseUrl: `${fake.url}/` });
  });
  afterAll(() => fake.close());

  it("creates → running → pause → resume → delete", async () => {
    const s = spec({ deploymentId: "dep_lifecycle" });
    const created = await hf.create(s);
    expect(created).toMatchObject({ providerId: endpointName(s), phase: "provisioning", providerState: "pending" });
    expect(created.url).toBeUndefined();

    // What went on the wire: the mapped payload, Bearer auth, the secrets delivered to the provider.
    const post = fake.requests.findLast((r) => r.method === "POST" && r.path === `/v2/endpoint/${NS}`);
    expect(post?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post?.body).toEqual(toCreatePayload(s));
    expect(fake.received(NS, created.providerId)?.model).toMatchObject({ secrets: { WANDB_KEY: "s3cret-value" } });

    fake.advance(1000);
    expect(await hf.get(created.providerId)).toMatchObject({ phase: "starting", providerState: "initializing" });
    fake.advance(2000);
    const running = await hf.get(created.providerId);
    expect(running).toMatchObject({ phase: "active", providerState: "running", replicas: { ready: 1, target: 1 } });
    expect(running.url).toMatch(/^https:\/\/[0-9a-f]{16}\.us-east-1\.aws\.endpoints\.huggingface\.cloud$/);

    const paused = await hf.pause(created.providerId);
    expect(paused).toMatchObject({ providerId: created.providerId, phase: "paused", replicas: { ready: 0, target: 0 } });
    expect(await hf.get(created.providerId)).toMatchObject({ phase: "paused" });

    const resumed = await hf.resume(created.providerId);
    expect(resumed).toMatchObject({ phase: "starting", providerState: "initializing" });
    fake.advance(1500);
    expect(await hf.get(created.providerId)).toMatchObject({ phase: "active" });

    expect(await hf.logs(created.providerId)).toEqual([
      expect.stringMatching(/Endpoint my-llama-\w+ created$/),
      expect.stringMatching(/Endpoint paused$/),
      expect.stringMatching(/Endpoint resuming$/),
    ]);

    await hf.delete(created.providerId);
    expect(fake.stateOf(NS, created.providerId)).toBeUndefined();
    await expect(hf.get(created.providerId)).rejects.toMatchObject({ code: "not_found", status: 404, retryable: false });
    await expect(hf.delete(created.providerId)).resolves.toBeUndefined();
  });

  it("answers a retried create with the endpoint the first attempt made; another deployment gets its own", async () => {
    const s = spec({ deploymentId: "dep_retry", name: "Retry Me" });
    const first = await hf.create(s);
    fake.advance(1000);
    const again = await hf.create(s);
    expect(again).toMatchObject({ providerId: first.providerId, phase: "starting" });
    const other = await hf.create(spec({ deploymentId: "dep_retry_other", name: "Retry Me" }));
    expect(other.providerId).not.toBe(first.providerId);
    expect(fake.stateOf(NS, other.providerId)).toBe("pending");
  });

  it("treats resuming a running endpoint as done (the API's 400 'already running')", async () => {
    const { providerId } = await hf.create(spec({ deploymentId: "dep_running" }));
    fake.advance(3000);
    expect(await hf.resume(providerId)).toMatchObject({ providerId, phase: "active" });
  });

  it("surfaces a failed deployment with the provider's message", async () => {
    const { providerId } = await hf.create(spec({ deploymentId: "dep_fails" }));
    fake.advance(1500);
    fake.failEndpoint(NS, providerId, "Endpoint failed to start: CUDA out of memory");
    expect(await hf.get(providerId)).toMatchObject({
      phase: "failed",
      providerState: "failed",
      message: "Endpoint failed to start: CUDA out of memory",
    });
  });

  it("surfaces a 400 validation error as a non-retryable ProviderError with the provider's message", async () => {
    const err = await hf.create(spec({ deploymentId: "dep_bad", scaling: { minReplicas: 3, maxReplicas: 1 } })).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({
      message: "Invalid compute.scaling: minReplica must be <= maxReplica",
      code: "invalid",
      status: 400,
      retryable: false,
    });
  });

  it("surfaces a 401 for a wrong token", async () => {
    const wrong = new HuggingFaceEndpoints({ token: "hf_wrong", namespace: NS, baseUrl: fake.url });
    await expect(wrong.get("anything")).rejects.toMatchObject({
      name: "ProviderError",
      message: "Invalid credentials in Authorization header",
      code: "unauthorized",
      status: 401,
      retryable: false,
    });
  });

  it("surfaces a 500 as retryable, with the message from the body or the X-Error-Message header", async () => {
    const { providerId } = await hf.create(spec({ deploymentId: "dep_500" }));
    fake.failNext({ method: "POST", path: "/pause", status: 500, message: "Internal error while pausing the endpoint" });
    await expect(hf.pause(providerId)).rejects.toMatchObject({
      message: "Internal error while pausing the endpoint",
      code: "unavailable",
      status: 500,
      retryable: true,
    });
    fake.failNext({ method: "GET", status: 503, raw: "", headers: { "X-Error-Message": "Service is under maintenance" } });
    await expect(hf.get(providerId)).rejects.toMatchObject({ message: "Service is under maintenance", retryable: true });
    // The failures were one-offs: the endpoint is still there.
    expect(await hf.get(providerId)).toMatchObject({ phase: "provisioning" });
  });

  it("reports an unreachable API as retryable", async () => {
    const down = new HuggingFaceEndpoints({ token: TOKEN, namespace: NS, baseUrl: "http://127.0.0.1:9" });
    await expect(down.get("x")).rejects.toMatchObject({ code: "unavailable", retryable: true });
  });
});
