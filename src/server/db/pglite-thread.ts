/**
 * The embedded database on its own thread (pglite-thread.worker.mjs), seen from the server's side
 * as the part of PGlite that Drizzle's PGlite driver calls: `query` and `transaction`. In the
 * server's thread, PGlite's WebAssembly ran every statement in the middle of every request: a chat
 * turn's write held back the model's answer that had already arrived. On its own thread it works
 * beside the requests, as a database server does on PostgreSQL.
 *
 * A transaction holds the database until it ends (PGlite has one session), so a statement sent
 * meanwhile from outside it waits, as it did in-process. Column parsers given by the caller run
 * here (functions cannot cross threads): the thread sends those columns as Postgres's text.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PGlite, QueryOptions, Results } from "@electric-sql/pglite";

type Op = { op: "query"; sql: string; params: unknown[]; rowMode: "array" | "object"; rawTypes: number[]; tx?: number } | { op: "begin" } | { op: "end"; tx: number; commit: boolean } | { op: "close" };

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Record<string, unknown> & { message: string; name: string } };

/** What a transaction's callback is handed: queries that run inside it. */
export interface PgliteThreadTx {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

const WORKER = path.join(process.cwd(), "src", "server", "db", "pglite-thread.worker.mjs");

/** The error the thread reported, with Postgres's fields (code, constraint…) where the callers look for them. */
function errorFrom(data: Reply & { ok: false }): Error {
  const { message, name, ...fields } = data.error;
  return Object.assign(new Error(message), fields, { name });
}

/** Runs the caller's parsers on the columns the thread sent as text. */
function parse<T>(result: Results<T>, parsers: QueryOptions["parsers"], rowMode: "array" | "object"): Results<T> {
  if (!parsers) return result;
  for (const [index, field] of result.fields.entries()) {
    const parser = parsers[field.dataTypeID];
    if (!parser) continue;
    const key = rowMode === "array" ? index : field.name;
    for (const row of result.rows as Array<Record<string | number, unknown>>) {
      const value = row[key];
      if (typeof value === "string") row[key] = parser(value);
    }
  }
  return result;
}

export class PgliteThread {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failed: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (data: Reply) => {
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      this.pending.delete(data.id);
      // An idle thread must not keep the process alive (a script ends when its work does).
      if (this.pending.size === 0) worker.unref();
      if (data.ok) waiting.resolve(data.result);
      else waiting.reject(errorFrom(data));
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`The embedded database's thread stopped (exit code ${code}).`)));
  }

  /** Starts the thread and opens the database in `dataDir` (a folder, or memory://). */
  static async start(dataDir: string): Promise<PgliteThread> {
    const worker = new Worker(WORKER, { workerData: { dataDir } });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", (m: { ready: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(`The embedded database did not open: ${m.error}`))));
      worker.once("error", reject);
    });
    worker.unref();
    return new PgliteThread(worker);
  }

  private send<T>(op: Op, id = this.nextId++): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ id, ...op });
    });
  }

  private async run<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: number): Promise<Results<T>> {
    const rowMode = options.rowMode ?? "object";
    const rawTypes = Object.keys(options.parsers ?? {}).map(Number);
    const result = await this.send<Results<T>>({ op: "query", sql, params, rowMode, rawTypes, ...(tx === undefined ? {} : { tx }) });
    return parse(result, options.parsers, rowMode);
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.run<T>(sql, params, options);
  }

  /** Commits when `fn` resolves, rolls back when it throws (and rethrows). */
  async transaction<T>(fn: (tx: PgliteThreadTx) => Promise<T>): Promise<T> {
    const tx = this.nextId++;
    await this.send({ op: "begin" }, tx);
    let open = true;
    const handle: PgliteThreadTx = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) =>
        open ? this.run<R>(sql, params, options, tx) : Promise.reject(new Error("The transaction has already ended.")),
    };
    let result: T;
    try {
      result = await fn(handle);
    } catch (error) {
      open = false;
      await this.send({ op: "end", tx, commit: false });
      throw error;
    }
    open = false;
    await this.send({ op: "end", tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    try {
      if (!this.failed) await this.send({ op: "close" });
    } finally {
      await this.worker.terminate();
    }
  }

  /** For Drizzle's PGlite driver, which calls only `query` and `transaction` (typed as the whole PGlite). */
  asPglite(): PGlite {
    return this as unknown as PGlite;
  }
}
