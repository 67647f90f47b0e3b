// The run loop: what happens when a job comes due. Calls to the app happen outside any
// transaction; their outcome is then applied in one transaction that locks the run row, so a
// late or duplicate reply can never move a run backwards or run a finished step again.
import { backoffDelay } from "./backoff";
import { callFunction, type CallOutcome } from "./call";
import { withTx, type Core } from "./core";
import { nextCronTime, parseCron } from "./cron";
import { runnerError } from "./errors";
import { ulid } from "./ids";
import { applyOps } from "./ops";
import { callUrlOf } from "./registry";
import * as store from "./store";
import { admitCall, needsAdmission } from "./flow/admission";
import { releaseIfIdle } from "./flow/slots";
import { cancelRun, completeRun, createRun, failRun, resolveStep } from "./transitions";
import { isTerminal, type InngestEvent, type JobRow, type OutgoingOp } from "./types";

export async function processJob(core: Core, job: JobRow): Promise<void> {
  switch (job.kind) {
    case "discover":
    case "step":
      return callJob(core, job);
    case "sleep":
      return wakeSleep(core, job);
    case "wait-timeout":
      return timeoutWait(core, job);
    case "invoke-timeout":
      return timeoutInvoke(core, job);
    case "gateway":
      return runGateway(core, job);
    case "cron":
      return fireCron(core, job);
    case "timeout":
      return fireTimeout(core, job);
    default:
      await withTx(core, (tx) => store.deleteJobById(tx.q, job.id));
  }
}

async function callJob(core: Core, job: JobRow): Promise<void> {
  const run = await store.getRun(core.db, job.run_id);
  if (!run || isTerminal(run.status)) {
    await withTx(core, (tx) => store.deleteJobById(tx.q, job.id));
    return;
  }
  if (job.kind === "step" && Object.hasOwn(run.steps, job.step_id)) {
    await withTx(core, (tx) => store.deleteJobById(tx.q, job.id)); // already resolved
    return;
  }
  const fn = core.registry.get(run.function_id);
  if (needsAdmission(run)) {
    if (!(await admitCall(core, job))) return; // parked or moved: its run waits for flow control
  } else if (run.status === "queued" && (await store.markRunStarted(core.db, run.id, core.now()))) {
    core.log.info(`started (attempt ${job.attempt + 1})`, { run: run.id, fn: run.function_id });
  }
  const startedAt = core.now();
  if (job.kind === "step") await store.setStepStatus(core.db, run.id, job.step_id, "running", startedAt);

  let outcome: CallOutcome;
  if (!fn) {
    outcome = {
      kind: "error",
      retriable: true,
      retryAfterMs: null,
      status: 0,
      error: runnerError(`Function "${run.function_id}" is not registered (is its app synced?)`),
    };
  } else {
    outcome = await callFunction(
      {
        url: callUrlOf(fn),
        stepId: job.kind === "step" ? job.step_id : "step",
        event: run.event,
        events: run.events,
        steps: run.steps,
        stack: run.stack,
        runId: run.id,
        attempt: job.attempt,
        maxAttempts: run.max_attempts,
        disableImmediateExecution: job.kind === "step" || run.die,
        timeoutMs: core.callTimeoutMs,
      },
      core.now,
      core.signing?.signingKey ?? null,
    );
  }

  await withTx(core, async (tx) => {
    const locked = await store.getRun(tx.q, run.id, true);
    if (!locked || isTerminal(locked.status)) {
      await store.deleteJobById(tx.q, job.id);
      return;
    }
    if (outcome.kind === "complete") {
      await completeRun(tx, locked, outcome.output);
      return;
    }
    if (outcome.kind === "ops") {
      const ctx = { tx, run: locked, job, startedAt, retryAfterMs: outcome.retryAfterMs, keepJob: false };
      if (job.kind === "discover") tx.ownDiscovery = { runId: locked.id, jobId: job.id, requested: false };
      await applyOps(ctx, outcome.ops);
      const again = tx.ownDiscovery?.requested ?? false;
      tx.ownDiscovery = undefined;
      if (ctx.keepJob || isTerminal(locked.status)) return;
      if (again) await store.requeueJob(tx.q, job.id, tx.now);
      else await store.finishJob(tx.q, job.id, tx.now);
      if (locked.flow?.concurrency?.length) await releaseIfIdle(tx, locked.id);
      return;
    }
    // A call-level error: retriable ones retry this same job (its own attempt count), others fail the run.
    const next = job.attempt + 1;
    const where = job.kind === "step" ? { step: stepLabel(job) } : {};
    if (outcome.retriable && next < locked.max_attempts) {
      const delay = outcome.retryAfterMs ?? backoffDelay(job.attempt, core.backoff);
      await store.retryJob(tx.q, job.id, next, tx.now + delay);
      await store.setRunError(tx.q, locked.id, outcome.error);
      if (job.kind === "step") {
        await store.upsertStep(tx.q, {
          runId: locked.id,
          stepId: job.step_id,
          name: "", // keep the name the step was planned with
          op: "StepRun",
          status: "retrying",
          error: outcome.error,
          attempt: { attempt: job.attempt, started_at: startedAt, ended_at: tx.now, error: outcome.error },
        });
      }
      tx.afterCommit.push(() =>
        core.log.warn(
          `attempt ${next}/${locked.max_attempts} failed: ${outcome.error.message}; retrying in ${delay}ms`,
          { run: locked.id, fn: locked.function_id, ...where },
        ),
      );
      return;
    }
    await failRun(tx, locked, outcome.error);
  });
}

function stepLabel(job: JobRow): string {
  return job.step_id.slice(0, 12);
}

async function wakeSleep(core: Core, job: JobRow): Promise<void> {
  await withTx(core, async (tx) => {
    await store.deleteJobById(tx.q, job.id);
    const run = await store.getRun(tx.q, job.run_id, true);
    if (!run || isTerminal(run.status)) return;
    const step = await store.getStep(tx.q, run.id, job.step_id);
    await resolveStep(tx, run, job.step_id, null, {
      name: step?.name ?? "sleep",
      op: "Sleep",
      status: "completed",
      startedAt: step?.started_at ?? undefined,
    });
  });
}

async function timeoutWait(core: Core, job: JobRow): Promise<void> {
  await withTx(core, async (tx) => {
    await store.deleteJobById(tx.q, job.id);
    const run = await store.getRun(tx.q, job.run_id, true);
    if (!run || isTerminal(run.status)) return;
    if (!(await store.takeWait(tx.q, run.id, job.step_id))) return; // an event got there first
    const step = await store.getStep(tx.q, run.id, job.step_id);
    await resolveStep(tx, run, job.step_id, null, {
      name: step?.name ?? "waitForEvent",
      op: "WaitForEvent",
      status: "completed",
      output: null,
      startedAt: step?.started_at ?? undefined,
      detail: { timed_out: true },
    });
  });
}

async function timeoutInvoke(core: Core, job: JobRow): Promise<void> {
  await withTx(core, async (tx) => {
    await store.deleteJobById(tx.q, job.id);
    const run = await store.getRun(tx.q, job.run_id, true);
    if (!run || isTerminal(run.status)) return;
    const error = runnerError("Timed out waiting for invoked function to complete", "InngestInvokeTimeoutError");
    const step = await store.getStep(tx.q, run.id, job.step_id);
    await resolveStep(tx, run, job.step_id, { error }, {
      name: step?.name ?? "invoke",
      op: "InvokeFunction",
      status: "failed",
      error,
      startedAt: step?.started_at ?? undefined,
      detail: { timed_out: true },
    });
  });
}

/** step.fetch and step.ai.infer: the runner performs the request and memoizes the response. */
async function runGateway(core: Core, job: JobRow): Promise<void> {
  const op = (job.data?.op ?? {}) as OutgoingOp;
  const opts = (op.opts ?? {}) as { url?: string; method?: string; headers?: Record<string, string>; body?: unknown; auth_key?: string };
  const startedAt = core.now();
  let memo: { data: unknown } | { error: { name: string; message: string } };
  try {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.auth_key && !headers.authorization) headers.authorization = `Bearer ${opts.auth_key}`;
    const isAi = op.op !== "Gateway";
    const res = await fetch(String(opts.url), {
      method: isAi ? "POST" : (opts.method ?? "GET"),
      headers: isAi ? { "content-type": "application/json", ...headers } : headers,
      body: isAi ? JSON.stringify(opts.body ?? {}) : (opts.body as string | undefined),
      signal: AbortSignal.timeout(core.callTimeoutMs),
    });
    const text = await res.text();
    if (isAi) {
      memo = res.ok
        ? { data: JSON.parse(text) }
        : { error: { name: "Error", message: `AI gateway request failed with ${res.status}: ${text.slice(0, 500)}` } };
    } else {
      memo = { data: { status_code: res.status, headers: Object.fromEntries(res.headers), body: text } };
    }
  } catch (err) {
    memo = { error: { name: "Error", message: `Request failed: ${(err as Error).message}` } };
  }
  await withTx(core, async (tx) => {
    await store.deleteJobById(tx.q, job.id);
    const run = await store.getRun(tx.q, job.run_id, true);
    if (!run || isTerminal(run.status)) return;
    await resolveStep(tx, run, job.step_id, memo, {
      name: op.displayName ?? op.id,
      op: op.op,
      status: "error" in memo ? "failed" : "completed",
      output: "data" in memo ? memo.data : undefined,
      error: "error" in memo ? memo.error : null,
      startedAt,
    });
  });
}

/** A cron tick: start a run with an `inngest/scheduled.timer` event and schedule the next tick. */
async function fireCron(core: Core, job: JobRow): Promise<void> {
  const fnId = String(job.data?.function_id ?? "");
  const cron = String(job.data?.cron ?? "");
  await withTx(core, async (tx) => {
    const fn = core.registry.get(fnId);
    if (!fn) {
      await store.deleteJobById(tx.q, job.id);
      return;
    }
    const event: InngestEvent = {
      id: ulid(tx.now),
      name: "inngest/scheduled.timer",
      data: { cron },
      ts: tx.now,
    };
    await store.insertEvent(tx.q, event, tx.now, "cron");
    await createRun(tx, fn, event);
    // Ticks missed while the runner was down are not replayed: the next one counts from now.
    const next = nextCronTime(parseCron(cron), Math.max(tx.now, job.run_at));
    await store.rescheduleJob(tx.q, job.id, next);
  });
}

/** `timeouts.start` / `timeouts.finish`: cancel the run if it has not started / finished by now. */
async function fireTimeout(core: Core, job: JobRow): Promise<void> {
  await withTx(core, async (tx) => {
    await store.deleteJobById(tx.q, job.id);
    const run = await store.getRun(tx.q, job.run_id, true);
    if (!run || isTerminal(run.status)) return;
    if (job.step_id === "start" && run.started_at !== null) return;
    await cancelRun(tx, run, String(job.data?.rule ?? "timeouts"), { record: true });
  });
}
