// A small app with one function per flow-control option, for the flow-control conformance test.
// Each run records when it started and ended executing (in `spans`), and a run can be held inside
// a step until the test opens its gate, so tests wait on facts rather than on timers.
import type { GetStepTools, Inngest } from "inngest";
import type { Span } from "./overlap";

export interface FlowCalls {
  spans: Array<Span & { fn: string; key: string; tag: string }>;
  begun: Array<{ fn: string; tag: string; at: number }>;
  gates: Map<string, { opened: Promise<void>; open(): void }>;
}

export function createFlowCalls(): FlowCalls {
  return { spans: [], begun: [], gates: new Map() };
}

/** The gate named `name`, created closed on first use. */
export function gate(calls: FlowCalls, name: string) {
  let g = calls.gates.get(name);
  if (!g) {
    let open = () => {};
    const opened = new Promise<void>((r) => {
      open = r;
    });
    g = { opened, open };
    calls.gates.set(name, g);
  }
  return g;
}

type Step = GetStepTools<Inngest>;

export function createFlowFunctions(inngest: Inngest, calls: FlowCalls) {
  /** begin (held at the gate, if any) → optional sleep → work → end; records the run's span. */
  const run = async (fn: string, data: Record<string, unknown>, step: Step) => {
    const tag = String(data.tag);
    const key = String(data.k ?? "");
    const start = await step.run("begin", async () => {
      const at = Date.now();
      calls.begun.push({ fn, tag, at });
      if (typeof data.gate === "string") await gate(calls, data.gate).opened;
      return at;
    });
    if (typeof data.nap === "string") await step.sleep("nap", data.nap);
    await step.run("work", () => new Promise((r) => setTimeout(r, Number(data.ms ?? 0))));
    const end = await step.run("end", () => {
      const at = Date.now();
      calls.spans.push({ fn, key, tag, start, end: at });
      return at;
    });
    return { tag, key, start, end };
  };
  const on = (id: string) => [{ event: `flow/${id}` }];
  const badDuration = inngest.createFunction(
    // @ts-expect-error an unreadable duration, as a typo in plain JavaScript would send it
    { id: "bad-duration", retries: 0, triggers: on("bad-duration"), debounce: { period: "abc" } },
    ({ event, step }) => run("bad-duration", event.data, step),
  );

  return [
    inngest.createFunction({ id: "conc", retries: 0, triggers: on("conc"), concurrency: { limit: 1, key: "event.data.k" } }, ({ event, step }) =>
      run("conc", event.data, step),
    ),
    inngest.createFunction({ id: "conc-sleep", retries: 0, triggers: on("conc-sleep"), concurrency: 1 }, ({ event, step }) =>
      run("conc-sleep", event.data, step),
    ),
    inngest.createFunction({ id: "throttle", retries: 0, triggers: on("throttle"), throttle: { limit: 1, period: "1s" } }, ({ event, step }) =>
      run("throttle", event.data, step),
    ),
    // One limit shared across functions: env and account scopes, keyed.
    ...(["env", "account"] as const).flatMap((scope) =>
      ["a", "b"].map((side) =>
        inngest.createFunction(
          { id: `${scope}-${side}`, retries: 0, triggers: on(`${scope}-${side}`), concurrency: { limit: 1, scope, key: "event.data.k" } },
          ({ event, step }) => run(`${scope}-${side}`, event.data, step),
        ),
      ),
    ),
    inngest.createFunction(
      { id: "conc-two", retries: 0, triggers: on("conc-two"), concurrency: [{ limit: 2 }, { limit: 1, key: "event.data.k" }] },
      ({ event, step }) => run("conc-two", event.data, step),
    ),
    inngest.createFunction(
      { id: "throttle-burst", retries: 0, triggers: on("throttle-burst"), throttle: { limit: 1, period: "3s", burst: 2 } },
      ({ event, step }) => run("throttle-burst", event.data, step),
    ),
    inngest.createFunction(
      { id: "throttle-key", retries: 0, triggers: on("throttle-key"), throttle: { limit: 1, period: "3s", key: "event.data.k" } },
      ({ event, step }) => run("throttle-key", event.data, step),
    ),
    inngest.createFunction(
      { id: "rate", retries: 0, triggers: on("rate"), rateLimit: { limit: 1, period: "1m", key: "event.data.k" } },
      ({ event, step }) => run("rate", event.data, step),
    ),
    inngest.createFunction({ id: "debounce", retries: 0, triggers: on("debounce"), debounce: { period: "1s", key: "event.data.k" } }, ({ event, step }) =>
      run("debounce", event.data, step),
    ),
    inngest.createFunction(
      { id: "debounce-max", retries: 0, triggers: on("debounce-max"), debounce: { period: "1m", timeout: "1s" } },
      ({ event, step }) => run("debounce-max", event.data, step),
    ),
    inngest.createFunction({ id: "idem", retries: 0, triggers: on("idem"), idempotency: "event.data.k" }, ({ event, step }) =>
      run("idem", event.data, step),
    ),
    inngest.createFunction(
      { id: "prio", retries: 0, triggers: on("prio"), concurrency: 1, priority: { run: "has(event.data.p) ? event.data.p : 0" } },
      ({ event, step }) => run("prio", event.data, step),
    ),
    inngest.createFunction(
      { id: "single-skip", retries: 0, triggers: on("single-skip"), singleton: { key: "event.data.k", mode: "skip" } },
      ({ event, step }) => run("single-skip", event.data, step),
    ),
    inngest.createFunction(
      { id: "single-cancel", retries: 0, triggers: on("single-cancel"), singleton: { key: "event.data.k", mode: "cancel" } },
      ({ event, step }) => run("single-cancel", event.data, step),
    ),
    inngest.createFunction({ id: "timeout-finish", retries: 0, triggers: on("timeout-finish"), timeouts: { finish: "1s" } }, ({ event, step }) =>
      run("timeout-finish", event.data, step),
    ),
    inngest.createFunction(
      { id: "timeout-start", retries: 0, triggers: on("timeout-start"), concurrency: 1, timeouts: { start: "1s" } },
      ({ event, step }) => run("timeout-start", event.data, step),
    ),
    inngest.createFunction(
      { id: "batch", retries: 0, triggers: on("batch"), batchEvents: { maxSize: 10, timeout: "5s" } },
      ({ event, step }) => run("batch", event.data, step),
    ),
    badDuration,
    inngest.createFunction({ id: "invoke-bad", retries: 0, triggers: on("invoke-bad") }, async ({ step }) => {
      try {
        await step.invoke("call-bad", { function: badDuration, data: { tag: "invoked" } });
        return { error: null };
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    }),
  ];
}
