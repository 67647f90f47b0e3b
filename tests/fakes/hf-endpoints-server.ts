/**
 * A local counterpart of Hugging Face Inference Endpoints' public API (v2), written from its public
 * description (huggingface_hub's client and tests; /work/shared/library-notes-platform.md §A), not
 * from our adapter: the routes, Bearer auth, create validation, endpoint objects and state words.
 *
 *   POST   /v2/endpoint/{ns}                 create → 200 endpoint (400 invalid, 409 name taken)
 *   GET    /v2/endpoint/{ns}                 {items: [endpoint]}
 *   GET    /v2/endpoint/{ns}/{name}          endpoint (404 {error})
 *   PUT    /v2/endpoint/{ns}/{name}          partial update → updating, then running
 *   DELETE /v2/endpoint/{ns}/{name}          200, empty body
 *   POST   /v2/endpoint/{ns}/{name}/pause    → paused
 *   POST   /v2/endpoint/{ns}/{name}/resume   → initializing, then running (400 "already running")
 *   POST   /v2/endpoint/{ns}/{name}/scale-to-zero  running → scaledToZero
 *   GET    /v2/endpoint/{ns}/{name}/logs     text/plain
 *   POST   /__inference/{name}/v1/chat/completions   with `localInference` (an endpoint's own route)
 * Errors answer `{error: "<message>"}` (the body huggingface_hub reads). States advance with the
 * fake's clock (pending → initializing → running), read lazily on each request, so a test moves time
 * with `advance(ms)` instead of sleeping. Test controls: `failNext`, `failEndpoint`, `requests`, and
 * the same over HTTP under `/__fake/*` when run as a script (for Playwright):
 *
 *   HF_FAKE_TOKEN=hf_test HF_FAKE_PORT=8790 npx tsx tests/fakes/hf-endpoints-server.ts
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { writeChatCompletion } from "./openai-upstream";

type Json = Record<string, unknown>;
type State = "pending" | "initializing" | "updating" | "updateFailed" | "running" | "scaledToZero" | "paused" | "failed";

/** What an endpoint is doing since when; the state word follows from it and the clock. */
type Activity =
  | { kind: "deploying" | "resuming" | "updating"; since: number }
  | { kind: "paused" | "scaledToZero"; since: number }
  | { kind: "failed"; since: number; message: string };

interface FakeEndpoint {
  namespace: string;
  /** The create body as accepted (secrets kept, never answered back). */
  spec: Json;
  createdAt: number;
  updatedAt: number;
  activity: Activity;
  url: string;
  logs: { at: number; text: string }[];
}

export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface InjectedFailure {
  /** Only requests with this method / whose path contains this text (default: the next request of any kind). */
  method?: string;
  path?: string;
  status: number;
  /** The `{error}` message, or a whole body with `raw`. */
  message?: string;
  raw?: string;
  headers?: Record<string, string>;
}

export interface HfFakeOptions {
  /** The one token accepted (`Authorization: Bearer <token>`). */
  token: string;
  port?: number;
  /** Phase lengths in ms (defaults 1000 pending, 2000 initializing, 1000 updating, 1500 resuming). */
  durations?: Partial<Record<"pendingMs" | "initializingMs" | "updatingMs" | "resumingMs", number>>;
  /** The clock; default the real one plus whatever `advance` added. */
  now?: () => number;
  /**
   * Serve the endpoints' OpenAI-compatible inference here too: each endpoint's `url` becomes
   * `<fake>/__inference/<name>`, whose `/v1/chat/completions` answers like TGI's Messages API when
   * running (Bearer token required), and 503 while scaled to zero or loading; any request to a
   * scaled-to-zero endpoint wakes it (it resumes), as on Hugging Face.
   */
  localInference?: boolean;
}

const NAME = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;
const TYPES = ["public", "protected", "authenticated", "private"];
const ACCELERATORS = ["cpu", "gpu", "neuron"];
const VENDORS = ["aws", "azure", "gcp"];

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringMap = (v: unknown) => isObject(v) && Object.values(v).every((x) => typeof x === "string");
const isInt = (v: unknown, min: number) => typeof v === "number" && Number.isInteger(v) && v >= min;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The create body's problems, in the API's words as best known; undefined when valid. */
export function validateCreate(body: unknown): string | undefined {
  if (!isObject(body)) return "Invalid request body: expected a JSON object";
  const { name, type, provider, compute, model } = body;
  if (typeof name !== "string" || !NAME.test(name)) {
    return "Invalid endpoint name: use 1 to 32 lowercase letters, digits or hyphens, starting and ending with a letter or digit";
  }
  if (type !== undefined && !TYPES.includes(String(type))) return `Invalid type '${String(type)}': expected one of ${TYPES.join(", ")}`;
  if (!isObject(provider) || typeof provider.region !== "string") return "Missing field: provider.region";
  if (!VENDORS.includes(String(provider.vendor))) return `Unknown vendor '${String(provider.vendor)}'`;
  if (!isObject(compute)) return "Missing field: compute";
  if (!ACCELERATORS.includes(String(compute.accelerator))) return `Unknown accelerator '${String(compute.accelerator)}'`;
  if (typeof compute.instanceType !== "string" || !compute.instanceType) return "Missing field: compute.instanceType";
  if (typeof compute.instanceSize !== "string" || !compute.instanceSize) return "Missing field: compute.instanceSize";
  const scaling = compute.scaling;
  if (!isObject(scaling) || !isInt(scaling.minReplica, 0) || !isInt(scaling.maxReplica, 1)) {
    return "Invalid compute.scaling: minReplica (>= 0) and maxReplica (>= 1) are required integers";
  }
  if (Number(scaling.minReplica) > Number(scaling.maxReplica)) return "Invalid compute.scaling: minReplica must be <= maxReplica";
  if (scaling.scaleToZeroTimeout != null) {
    if (!isInt(scaling.scaleToZeroTimeout, 1)) return "Invalid compute.scaling.scaleToZeroTimeout: expected minutes, >= 1";
    if (scaling.minReplica !== 0) return "scaleToZeroTimeout requires minReplica to be 0";
  }
  if (!isObject(model) || typeof model.repository !== "string" || !model.repository) return "Missing field: model.repository";
  if (typeof model.framework !== "string" || !model.framework) return "Missing field: model.framework";
  if ("task" in model && typeof model.task !== "string") return "Invalid model.task: expected a string";
  if (!isObject(model.image) || Object.keys(model.image).length !== 1) return "Invalid model.image: expected exactly one image kind";
  if (model.env !== undefined && !isStringMap(model.env)) return "Invalid model.env: expected string values";
  if (model.secrets !== undefined && !isStringMap(model.secrets)) return "Invalid model.secrets: expected string values";
  return undefined;
}

export async function startHfEndpointsFake(options: HfFakeOptions) {
  let offset = 0;
  const now = () => (options.now ?? Date.now)() + offset;
  const d = { pendingMs: 1000, initializingMs: 2000, updatingMs: 1000, resumingMs: 1500, ...options.durations };
  const endpoints = new Map<string, FakeEndpoint>();
  let inferenceBase = "";
  const failures: InjectedFailure[] = [];
  const requests: FakeRequest[] = [];
  const key = (ns: string, name: string) => `${ns}/${name}`;

  function stateOf(ep: FakeEndpoint): { state: State; message: string } {
    const a = ep.activity;
    const elapsed = now() - a.since;
    switch (a.kind) {
      case "deploying":
        if (elapsed < d.pendingMs) return { state: "pending", message: "Endpoint waiting to be scheduled" };
        if (elapsed < d.pendingMs + d.initializingMs) return { state: "initializing", message: "Endpoint is initializing" };
        return { state: "running", message: "Endpoint is ready" };
      case "resuming":
        if (elapsed < d.resumingMs) return { state: "initializing", message: "Endpoint is initializing" };
        return { state: "running", message: "Endpoint is ready" };
      case "updating":
        if (elapsed < d.updatingMs) return { state: "updating", message: "Endpoint is updating" };
        return { state: "running", message: "Endpoint is ready" };
      case "paused":
        return { state: "paused", message: "Endpoint is paused" };
      case "scaledToZero":
        return { state: "scaledToZero", message: "Endpoint is scaled to zero" };
      case "failed":
        return { state: "failed", message: a.message };
    }
  }

  function render(ep: FakeEndpoint): Json {
    const { state, message } = stateOf(ep);
    const model = isObject(ep.spec.model) ? ep.spec.model : {};
    const compute = isObject(ep.spec.compute) ? ep.spec.compute : {};
    const minReplica = Number(isObject(compute.scaling) ? compute.scaling.minReplica : 1);
    const target = state === "paused" || state === "scaledToZero" ? 0 : Math.max(1, minReplica);
    const user = { id: "6273f303f6d63a28483fde12", name: ep.namespace };
    // Secrets are write-only: their names come back, never their values.
    const secrets = isObject(model.secrets) ? Object.fromEntries(Object.keys(model.secrets).map((k) => [k, ""])) : undefined;
    return {
      accountId: null,
      name: ep.spec.name,
      type: ep.spec.type ?? "authenticated",
      provider: ep.spec.provider,
      compute,
      model: {
        ...model,
        revision: typeof model.revision === "string" ? model.revision : "11c5a3d5811f50298f278a704980280950aedb10",
        task: typeof model.task === "string" ? model.task : "text-generation",
        ...(secrets ? { secrets } : {}),
      },
      healthRoute: "/health",
      status: {
        createdAt: new Date(ep.createdAt).toISOString(),
        createdBy: user,
        updatedAt: new Date(ep.updatedAt).toISOString(),
        updatedBy: user,
        private: null,
        state,
        message,
        ...(state === "running" || state === "scaledToZero" ? { url: ep.url } : {}),
        readyReplica: state === "running" ? target : 0,
        targetReplica: target,
      },
    };
  }

  function find(ns: string, name: string): FakeEndpoint {
    const ep = endpoints.get(key(ns, name));
    if (!ep) throw new HttpError(404, `Endpoint ${name} not found in namespace ${ns}`);
    return ep;
  }

  function setActivity(ep: FakeEndpoint, activity: Activity, log: string) {
    ep.activity = activity;
    ep.updatedAt = now();
    ep.logs.push({ at: now(), text: log });
  }

  function route(method: string, parts: string[], body: unknown): { status: number; body?: unknown; text?: string } {
    const [ns, name, action, ...rest] = parts;
    if (!ns || rest.length) throw new HttpError(404, "Not Found");
    if (!name) {
      if (method === "GET") {
        return { status: 200, body: { items: [...endpoints.values()].filter((e) => e.namespace === ns).map(render) } };
      }
      if (method !== "POST") throw new HttpError(405, "Method Not Allowed");
      const problem = validateCreate(body);
      if (problem || !isObject(body)) throw new HttpError(400, problem ?? "Invalid request body");
      const epName = String(body.name);
      if (endpoints.has(key(ns, epName))) throw new HttpError(409, `Endpoint ${epName} already exists`);
      const provider = isObject(body.provider) ? body.provider : {};
      const ep: FakeEndpoint = {
        namespace: ns,
        spec: structuredClone(body),
        createdAt: now(),
        updatedAt: now(),
        activity: { kind: "deploying", since: now() },
        url: options.localInference
          ? `${inferenceBase}/${epName}`
          : `https://${randomBytes(8).toString("hex")}.${String(provider.region)}.${String(provider.vendor)}.endpoints.huggingface.cloud`,
        logs: [{ at: now(), text: `Endpoint ${epName} created` }],
      };
      endpoints.set(key(ns, epName), ep);
      return { status: 200, body: render(ep) };
    }
    const ep = find(ns, name);
    const { state } = stateOf(ep);
    if (!action) {
      if (method === "GET") return { status: 200, body: render(ep) };
      if (method === "DELETE") {
        endpoints.delete(key(ns, name));
        return { status: 200, text: "" };
      }
      if (method === "PUT") {
        if (!isObject(body)) throw new HttpError(400, "Invalid request body: expected a JSON object");
        for (const field of ["compute", "model"] as const) {
          const patch = body[field];
          const current = ep.spec[field];
          if (isObject(patch)) ep.spec[field] = { ...(isObject(current) ? current : {}), ...patch };
        }
        setActivity(ep, { kind: "updating", since: now() }, "Endpoint updating");
        return { status: 200, body: render(ep) };
      }
      throw new HttpError(405, "Method Not Allowed");
    }
    if (action === "logs" && method === "GET") {
      return { status: 200, text: ep.logs.filter((l) => l.at <= now()).map((l) => `${new Date(l.at).toISOString()} ${l.text}`).join("\n") };
    }
    if (method !== "POST") throw new HttpError(405, "Method Not Allowed");
    switch (action) {
      case "pause":
        if (state !== "paused") setActivity(ep, { kind: "paused", since: now() }, "Endpoint paused");
        return { status: 200, body: render(ep) };
      case "resume":
        if (state === "running" || state === "initializing" || state === "pending" || state === "updating") {
          throw new HttpError(400, `Endpoint ${name} is already running`);
        }
        setActivity(ep, { kind: "resuming", since: now() }, "Endpoint resuming");
        return { status: 200, body: render(ep) };
      case "scale-to-zero":
        if (state !== "running") throw new HttpError(400, `Endpoint ${name} is not running`);
        setActivity(ep, { kind: "scaledToZero", since: now() }, "Endpoint scaled to zero");
        return { status: 200, body: render(ep) };
      default:
        throw new HttpError(404, "Not Found");
    }
  }

  function control(path: string, body: unknown): unknown {
    const b = isObject(body) ? body : {};
    switch (path) {
      case "/__fake/advance":
        api.advance(Number(b.ms ?? 0));
        return { now: now() };
      case "/__fake/fail-next":
        api.failNext({
          status: Number(b.status ?? 500),
          ...(typeof b.method === "string" ? { method: b.method } : {}),
          ...(typeof b.path === "string" ? { path: b.path } : {}),
          ...(typeof b.message === "string" ? { message: b.message } : {}),
        });
        return { ok: true };
      case "/__fake/fail-endpoint":
        api.failEndpoint(String(b.namespace), String(b.name), String(b.message ?? "Endpoint failed to deploy"));
        return { ok: true };
      case "/__fake/requests":
        return { requests };
      default:
        throw new HttpError(404, "Not Found");
    }
  }

  /** An endpoint's own routes: the health route and the OpenAI-compatible chat completions. */
  function inference(req: http.IncomingMessage, res: http.ServerResponse, path: string, body: unknown) {
    const [name = "", ...rest] = path.slice("/__inference/".length).split("/");
    const ep = [...endpoints.values()].find((e) => e.spec.name === name);
    if (!ep) throw new HttpError(404, "Not Found");
    const { state } = stateOf(ep);
    if (state === "scaledToZero") {
      setActivity(ep, { kind: "resuming", since: now() }, "Scaling up from zero: request received");
      throw new HttpError(503, "Model is loading: the endpoint was scaled to zero and is starting");
    }
    if (state !== "running") throw new HttpError(503, `Endpoint is ${state}`);
    const route = `/${rest.join("/")}`;
    if (req.method === "GET" && route === "/health") return send(res, 200, {});
    if (req.method === "POST" && route === "/v1/chat/completions" && isObject(body)) {
      void writeChatCompletion(res, body, { reply: "Hello from a Hugging Face endpoint." });
      return;
    }
    throw new HttpError(404, "Not Found");
  }

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        send(res, 400, { error: "Invalid JSON in request body" });
        return;
      }
      try {
        if (path.startsWith("/__fake/")) {
          send(res, 200, control(path, body));
          return;
        }
        requests.push({ method, path, authorization: req.headers.authorization, body });
        if (req.headers.authorization !== `Bearer ${options.token}`) {
          throw new HttpError(401, "Invalid credentials in Authorization header");
        }
        if (options.localInference && path.startsWith("/__inference/")) {
          inference(req, res, path, body);
          return;
        }
        const injected = failures.findIndex((f) => (!f.method || f.method === method) && (!f.path || path.includes(f.path)));
        if (injected >= 0) {
          const [f] = failures.splice(injected, 1);
          res.writeHead(f!.status, { "content-type": "application/json", ...f!.headers });
          res.end(f!.raw ?? JSON.stringify({ error: f!.message ?? "Internal Server Error" }));
          return;
        }
        if (!path.startsWith("/v2/endpoint/")) throw new HttpError(404, "Not Found");
        const parts = path.slice("/v2/endpoint/".length).split("/").map(decodeURIComponent);
        const out = route(method, parts, body);
        if (out.text !== undefined) {
          res.writeHead(out.status, { "content-type": "text/plain; charset=utf-8" }).end(out.text);
        } else {
          send(res, out.status, out.body);
        }
      } catch (err) {
        if (err instanceof HttpError) send(res, err.status, { error: err.message });
        else send(res, 500, { error: "Internal Server Error" });
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  inferenceBase = `http://127.0.0.1:${port}/__inference`;

  const api = {
    url: `http://127.0.0.1:${port}`,
    port,
    /** Every API request received (not the /__fake controls), for asserting what went on the wire. */
    requests,
    now,
    /** Moves the fake's clock forward. */
    advance(ms: number) {
      offset += ms;
    },
    /** The next matching request answers this error instead. */
    failNext(failure: InjectedFailure) {
      failures.push(failure);
    },
    /** The endpoint's deployment fails: state `failed` with this message. */
    failEndpoint(namespace: string, name: string, message: string) {
      const ep = find(namespace, name);
      setActivity(ep, { kind: "failed", since: now(), message }, `ERROR ${message}`);
    },
    /** The create body as received, secrets included (what a test checks reached the provider). */
    received(namespace: string, name: string): Json | undefined {
      return endpoints.get(key(namespace, name))?.spec;
    },
    stateOf(namespace: string, name: string): State | undefined {
      const ep = endpoints.get(key(namespace, name));
      return ep && stateOf(ep).state;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}

export type HfEndpointsFake = Awaited<ReturnType<typeof startHfEndpointsFake>>;

// As a script: a long-running fake for Playwright (HF_FAKE_TOKEN, HF_FAKE_PORT, HF_FAKE_SPEED scales durations).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const speed = Number(process.env.HF_FAKE_SPEED ?? 1);
  const fake = await startHfEndpointsFake({
    token: process.env.HF_FAKE_TOKEN ?? "hf_fake_token",
    port: Number(process.env.HF_FAKE_PORT ?? 0),
    durations: { pendingMs: 1000 * speed, initializingMs: 2000 * speed, updatingMs: 1000 * speed, resumingMs: 1500 * speed },
  });
  process.stdout.write(`hf-endpoints fake listening on ${fake.url}\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
