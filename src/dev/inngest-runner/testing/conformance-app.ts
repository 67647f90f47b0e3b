// A small app with one function per protocol feature, for the conformance, crash and load tests.
// Each step records its executions in `calls`, so tests can assert "ran exactly once".
import { NonRetriableError, RetryAfterError, type Inngest } from "inngest";

export interface Calls {
  counts: Map<string, number>;
  times: Map<string, number[]>;
  failures: unknown[];
  /** When each run of a keyed function was executing: its first step's start to its last step's end. */
  spans: Array<{ key: string; start: number; end: number }>;
}

export function createCalls(): Calls {
  return { counts: new Map(), times: new Map(), failures: [], spans: [] };
}

export function createConformanceFunctions(inngest: Inngest, calls: Calls) {
  const hit = (key: string) => {
    calls.counts.set(key, (calls.counts.get(key) ?? 0) + 1);
    calls.times.set(key, [...(calls.times.get(key) ?? []), Date.now()]);
    return calls.counts.get(key)!;
  };

  const steps = inngest.createFunction({ id: "steps", triggers: [{ event: "conf/steps" }] }, async ({ event, step }) => {
    const tag = String(event.data.tag);
    const a = await step.run("a", () => {
      hit(`steps:${tag}:a`);
      return { n: 1 };
    });
    const b = await step.run("b", () => {
      hit(`steps:${tag}:b`);
      return { n: a.n + 1 };
    });
    const nothing = await step.run("undefined-result", () => {
      hit(`steps:${tag}:c`);
    });
    return { a, b, nothing: nothing ?? null, tag };
  });

  const parallel = inngest.createFunction({ id: "parallel", triggers: [{ event: "conf/parallel" }] }, async ({ event, step }) => {
    const tag = String(event.data.tag);
    const results = await Promise.all(
      ["p1", "p2", "p3"].map((id, i) =>
        step.run(id, async () => {
          hit(`parallel:${tag}:${id}`);
          await new Promise((r) => setTimeout(r, 20 * (3 - i)));
          return i + 1;
        }),
      ),
    );
    const after = await step.run("after", () => {
      hit(`parallel:${tag}:after`);
      return results.reduce((x, y) => x + y, 0);
    });
    return { results, after };
  });

  const retry = inngest.createFunction(
    { id: "retry", retries: 3, triggers: [{ event: "conf/retry" }] },
    async ({ event, step, attempt }) => {
      const tag = String(event.data.tag);
      const value = await step.run("flaky", () => {
        const n = hit(`retry:${tag}:flaky`);
        if (n < 3) throw new Error(`flaky failure ${n}`);
        return { succeededOn: n, attempt };
      });
      return value;
    },
  );

  const retryAfter = inngest.createFunction(
    { id: "retry-after", retries: 2, triggers: [{ event: "conf/retry-after" }] },
    async ({ event, step }) => {
      const tag = String(event.data.tag);
      return step.run("limited", () => {
        const n = hit(`retry-after:${tag}`);
        if (n === 1) throw new RetryAfterError("rate limited", "2s");
        return n;
      });
    },
  );

  const fnError = inngest.createFunction({ id: "fn-error", retries: 2, triggers: [{ event: "conf/fn-error" }] }, async ({ event, step }) => {
    const tag = String(event.data.tag);
    const first = await step.run("first", () => {
      hit(`fn-error:${tag}:first`);
      return 1;
    });
    if (hit(`fn-error:${tag}:body`) < 3) throw new Error("body error outside any step");
    return { first };
  });

  const failing = inngest.createFunction(
    {
      id: "failing",
      retries: 1,
      triggers: [{ event: "conf/fail" }],
      onFailure: async ({ event, error, step }) => {
        await step.run("record", () => {
          calls.failures.push({ event, message: error.message });
          hit(`failing:onFailure`);
        });
        return { handled: true, original: event.data.event.name, message: error.message };
      },
    },
    async ({ event, step }) => {
      await step.run("explode", () => {
        hit(`failing:${String(event.data.tag)}:explode`);
        throw new Error("step exploded");
      });
    },
  );

  const caught = inngest.createFunction({ id: "caught", retries: 0, triggers: [{ event: "conf/caught" }] }, async ({ step }) => {
    try {
      await step.run("boom", () => {
        throw new Error("boom");
      });
      return { caught: false };
    } catch (err) {
      return { caught: true, message: (err as Error).message };
    }
  });

  const nonRetriable = inngest.createFunction({ id: "non-retriable", triggers: [{ event: "conf/non-retriable" }] }, async ({ event, step }) => {
    await step.run("fatal", () => {
      hit(`non-retriable:${String(event.data.tag)}`);
      throw new NonRetriableError("do not retry me");
    });
  });

  const sleeper = inngest.createFunction({ id: "sleeper", triggers: [{ event: "conf/sleep" }] }, async ({ event, step }) => {
    const tag = String(event.data.tag);
    const before = await step.run("before", () => {
      hit(`sleeper:${tag}:before`);
      return Date.now();
    });
    await step.sleep("nap", String(event.data.duration ?? "1s"));
    const mid = await step.run("mid", () => {
      hit(`sleeper:${tag}:mid`);
      return Date.now();
    });
    await step.sleepUntil("until", new Date(mid + 1000));
    const after = await step.run("after", () => {
      hit(`sleeper:${tag}:after`);
      return Date.now();
    });
    return { before, mid, after };
  });

  const waiter = inngest.createFunction({ id: "waiter", triggers: [{ event: "conf/wait" }] }, async ({ event, step }) => {
    const tag = String(event.data.tag);
    await step.run("before", () => hit(`waiter:${tag}:before`));
    const approved = await step.waitForEvent("approval", {
      event: "conf/approved",
      match: "data.orderId",
      timeout: String(event.data.timeout ?? "3s"),
    });
    const big = await step.waitForEvent("big-payment", {
      event: "conf/paid",
      if: `async.data.amount >= 100 && async.data.currency == "EUR" && !(has(async.data.test) && async.data.test == true) && event.data.orderId == async.data.orderId`,
      timeout: String(event.data.timeout ?? "3s"),
    });
    await step.run("after", () => hit(`waiter:${tag}:after`));
    return { approvedBy: approved?.data.by ?? null, paid: big?.data.amount ?? null };
  });

  const child = inngest.createFunction({ id: "child", triggers: [{ event: "conf/child-direct" }] }, async ({ event, step }) => {
    const doubled = await step.run("double", () => {
      hit("child:double");
      return Number(event.data.x) * 2;
    });
    if (event.data.fail) throw new NonRetriableError("child refused");
    return { doubled };
  });

  const parent = inngest.createFunction({ id: "parent", triggers: [{ event: "conf/invoke" }] }, async ({ event, step }) => {
    const result = await step.invoke("call-child", { function: child, data: { x: event.data.x, fail: event.data.fail ?? false } });
    return { fromChild: result };
  });

  const parentCatch = inngest.createFunction({ id: "parent-catch", retries: 0, triggers: [{ event: "conf/invoke-fail" }] }, async ({ step }) => {
    try {
      await step.invoke("call-child", { function: child, data: { x: 1, fail: true } });
      return { error: null };
    } catch (err) {
      return { error: (err as Error).message };
    }
  });

  const slowChild = inngest.createFunction({ id: "slow-child", triggers: [{ event: "conf/slow-child-direct" }] }, async ({ step }) => {
    await step.sleep("slowly", "10s");
    return "late";
  });

  const impatient = inngest.createFunction({ id: "impatient", retries: 0, triggers: [{ event: "conf/invoke-timeout" }] }, async ({ step }) => {
    try {
      return { result: await step.invoke("call-slow", { function: slowChild, timeout: "1s" }) };
    } catch (err) {
      return { error: (err as Error).message, name: (err as Error).name };
    }
  });

  const sender = inngest.createFunction({ id: "sender", triggers: [{ event: "conf/send" }] }, async ({ event, step }) => {
    const { ids } = await step.sendEvent("notify", { name: "conf/notified", data: { tag: event.data.tag } });
    return { ids };
  });

  const onNotified = inngest.createFunction({ id: "on-notified", triggers: [{ event: "conf/notified" }] }, async ({ event }) => {
    return { gotTag: event.data.tag };
  });

  const cancellable = inngest.createFunction(
    {
      id: "cancellable",
      triggers: [{ event: "conf/long" }],
      cancelOn: [{ event: "conf/stop", match: "data.jobId" }],
    },
    async ({ event, step }) => {
      await step.run("start", () => hit(`cancellable:${String(event.data.jobId)}:start`));
      await step.sleep("long-nap", "30s");
      await step.run("never", () => hit(`cancellable:${String(event.data.jobId)}:never`));
      return "finished";
    },
  );

  const filtered = inngest.createFunction(
    { id: "filtered", triggers: [{ event: "conf/filtered", if: "event.data.priority > 5" }] },
    async ({ event }) => ({ priority: event.data.priority }),
  );

  const fiveSteps = inngest.createFunction({ id: "five-steps", triggers: [{ event: "conf/five" }] }, async ({ event, step }) => {
    const tag = String(event.data.tag);
    let total = 0;
    for (let i = 1; i <= 5; i++) {
      total += await step.run(`s${i}`, () => {
        hit(`five:${tag}:s${i}`);
        return i;
      });
    }
    return { total };
  });

  // The same five steps, one run at a time per `event.data.k` (the keyed load scenario).
  const fiveStepsKeyed = inngest.createFunction(
    { id: "five-steps-keyed", triggers: [{ event: "conf/five-keyed" }], concurrency: { limit: 1, key: "event.data.k" } },
    async ({ event, step }) => {
      const tag = String(event.data.tag);
      const start = await step.run("s1", () => {
        hit(`five:${tag}:s1`);
        return Date.now();
      });
      for (let i = 2; i <= 4; i++) await step.run(`s${i}`, () => hit(`five:${tag}:s${i}`));
      await step.run("s5", () => {
        hit(`five:${tag}:s5`);
        calls.spans.push({ key: String(event.data.k), start, end: Date.now() });
      });
      return { tag };
    },
  );

  return [
    steps,
    parallel,
    retry,
    retryAfter,
    fnError,
    failing,
    caught,
    nonRetriable,
    sleeper,
    waiter,
    child,
    parent,
    parentCatch,
    slowChild,
    impatient,
    sender,
    onNotified,
    cancellable,
    filtered,
    fiveSteps,
    fiveStepsKeyed,
  ];
}
