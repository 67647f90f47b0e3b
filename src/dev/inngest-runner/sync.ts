// Sync, as the Inngest dev server does it: the runner PUTs the app's serve URL, and the SDK
// answers by POSTing its function list to /fn/register. Repeated every few seconds, so an app
// that restarts or changes its functions is picked up without anyone pressing a button.
import { requestInit, signedReplyCheck } from "./call";
import { withTx, type Core } from "./core";
import { nextCronTime, parseCron } from "./cron";
import { describeFetchError } from "./errors";
import { flowOf } from "./flow/config";
import { hashFunctions, isCronTrigger } from "./registry";
import * as store from "./store";
import type { FunctionConfig, RegisteredFunction } from "./types";

export interface RegisterBody {
  url: string;
  appName?: string;
  framework?: string;
  sdk?: string;
  functions?: FunctionConfig[];
  [key: string]: unknown;
}

/** Handles `POST /fn/register`: stores the app and its functions, and (re)schedules cron triggers. */
export async function registerApp(core: Core, body: RegisterBody): Promise<{ modified: boolean; functions: number }> {
  if (!body || typeof body.url !== "string") throw new Error("register body needs a `url`");
  const configs = Array.isArray(body.functions) ? body.functions : [];
  const fns: RegisteredFunction[] = configs.map((c) => ({ id: c.id, appUrl: body.url, name: c.name ?? c.id, config: c }));
  const hash = hashFunctions(configs);
  let modified = false;
  await withTx(core, async (tx) => {
    const existing = await store.getApp(tx.q, body.url);
    modified = !existing || existing.functions_hash !== hash;
    await store.replaceAppFunctions(tx.q, body.url, fns, tx.now);
    await store.upsertApp(tx.q, {
      url: body.url,
      app_name: body.appName ?? body.url,
      framework: body.framework ?? null,
      sdk: body.sdk ?? null,
      functions_hash: hash,
      function_count: fns.length,
      synced_at: tx.now,
    });
    await syncCronJobs(core, tx.q, tx.now);
  });
  await core.registry.load(core.db);
  if (modified) {
    core.log.info(`synced app "${body.appName ?? body.url}" at ${body.url}: ${fns.length} function(s) — ${fns.map((f) => f.id).join(", ")}`);
    // No silent gaps: every option the runner cannot honour is named, once per changed sync.
    for (const fn of fns) {
      for (const p of flowOf(fn.config).problems) core.log.warn(`function ${fn.id}: ${p.option} ${p.message}`, { fn: fn.id });
    }
  }
  return { modified, functions: fns.length };
}

/** One cron job per (function, cron expression); stale ones go, new ones get their first tick. */
async function syncCronJobs(core: Core, q: Parameters<typeof store.listFunctions>[0], now: number): Promise<void> {
  const wanted = new Map<string, { function_id: string; cron: string }>();
  for (const fn of await store.listFunctions(q)) {
    for (const t of fn.config.triggers ?? []) {
      if (isCronTrigger(t)) wanted.set(`${fn.id}|${t.cron}`, { function_id: fn.id, cron: t.cron });
    }
  }
  const existing = await store.listCronJobs(q);
  for (const job of existing) if (!wanted.has(job.step_id)) await store.deleteJobById(q, job.id);
  const have = new Set(existing.map((j) => j.step_id));
  for (const [key, data] of wanted) {
    if (have.has(key)) continue;
    try {
      const runAt = nextCronTime(parseCron(data.cron), now);
      await store.insertJob(q, { kind: "cron", runId: "", stepId: key, runAt, data });
    } catch (err) {
      core.log.warn(`cron "${data.cron}" of ${data.function_id} is invalid: ${(err as Error).message}`);
    }
  }
}

export class AppSyncer {
  private timers = new Map<string, NodeJS.Timeout>();
  private state = new Map<string, "ok" | "failing" | "new">();
  private stopped = false;

  constructor(
    private core: Core,
    private intervalMs: number,
    /** Delay between attempts until the app first answers (next dev compiles routes lazily). */
    private retryMs = 1000,
  ) {}

  /** Starts syncing `url` now and then every interval. */
  add(url: string): void {
    if (this.timers.has(url) || this.stopped) return;
    this.state.set(url, "new");
    this.timers.set(url, setTimeout(() => void this.tick(url), 0));
  }

  urls(): string[] {
    return [...this.timers.keys()];
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private async tick(url: string): Promise<void> {
    const ok = await this.syncNow(url);
    if (this.stopped) return;
    this.timers.set(url, setTimeout(() => void this.tick(url), ok ? this.intervalMs : this.retryMs));
  }

  /** PUTs the app once; true if it synced. */
  async syncNow(url: string): Promise<boolean> {
    const before = this.state.get(url) ?? "new";
    try {
      const signingKey = this.core.signing?.signingKey ?? null;
      const res = await fetch(url, {
        method: "PUT",
        ...requestInit({ url }, signingKey, this.core.now()),
        signal: AbortSignal.timeout(120_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
      const distrust = signingKey ? signedReplyCheck(signingKey, this.core.now)(res.status, res.headers, text) : null;
      if (distrust) throw new Error(distrust);
      this.state.set(url, "ok");
      if (before === "failing") this.core.log.info(`app at ${url} is reachable again`);
      return true;
    } catch (err) {
      const message = describeFetchError(err);
      if (before !== "failing") {
        this.core.log.warn(
          before === "new" ? `waiting for the app at ${url} (${message}); retrying` : `app at ${url} unreachable: ${message}`,
        );
      }
      this.state.set(url, "failing");
      await store.setAppError(this.core.db, url, message, this.core.now()).catch(() => {});
      return false;
    }
  }
}
