// Every list procedure the platform adds, as a client sees it: over HTTP against the production build
// (`next start`, its own process), one user owning 100 of each row, on PostgreSQL and on PGlite. Each
// request is the one the app's page sends for its first screen, as the browser's tRPC link sends it (a
// one-call batch answered as JSON). `history` measures `chats.history` the same way.
// Goal, as for the history: 20 concurrent clients ≥ 425 req/s with p99 ≤ 3 × p50; one client at a time p50 ≤ 4 ms.
// `npm run bench -- lists`; BENCH_QUICK=1 is a short smoke run that exits non-zero on any failure.
import { pathToFileURL } from "node:url";
import type { ChatApp } from "./_chat-app";
import { batchData, measureOnEachDatabase, type Shape, trpcBatchUrl } from "./_list-load";
import { LIST_ROWS, seedLists } from "./_lists-seed";

const PAGE = 20;
// What @trpc/react-query's useInfiniteQuery adds to a list page's first request.
const firstPage = { cursor: null, direction: "forward" };

interface ListCall {
  procedure: string;
  input?: unknown;
  /** Items the answer must hold. */
  items: number;
  /** A page of `{ items, nextCursor }` with more after it, rather than an array. */
  paged?: true;
}

function holds(c: ListCall, data: unknown): void {
  if (c.paged) {
    const page = data as { items?: unknown[]; nextCursor?: string | null } | undefined;
    if (page?.items?.length !== c.items || !page.nextCursor) throw new Error(`${c.procedure}: expected ${c.items} items and a cursor`);
  } else if (!Array.isArray(data) || data.length !== c.items) {
    throw new Error(`${c.procedure}: expected ${c.items} items, got ${Array.isArray(data) ? data.length : typeof data}`);
  }
}

function calls(catalogSize: number): ListCall[] {
  return [
    // The /datasets, /fine-tuning, /models/artifacts, /deployments and /notifications tables' first pages.
    { procedure: "datasets.list", input: { limit: PAGE, sort: "newest", ...firstPage }, items: PAGE, paged: true },
    { procedure: "fineTuning.list", input: { limit: PAGE, ...firstPage }, items: PAGE, paged: true },
    { procedure: "artifacts.list", input: { limit: PAGE, ...firstPage }, items: PAGE, paged: true },
    { procedure: "deployments.list", input: { limit: PAGE, ...firstPage }, items: PAGE, paged: true },
    { procedure: "notifications.page", input: { limit: 30, ...firstPage }, items: 30, paged: true },
    // The bell's latest, polled by every signed-in page.
    { procedure: "notifications.list", input: { limit: 8 }, items: 8 },
    // Every key at once (the settings page has no pages).
    { procedure: "apiKeys.list", items: LIST_ROWS },
    // The whole catalog, unfiltered, as /models opens.
    { procedure: "models.list", input: {}, items: catalogSize },
  ];
}

function shapes(app: ChatApp, catalogSize: number): Shape[] {
  return calls(catalogSize).map((c) => ({
    label: c.procedure,
    url: trpcBatchUrl(app.server.url, c.procedure, c.input),
    headers: { cookie: app.cookie, "x-trpc-source": "react" },
    check: (body) => holds(c, batchData(body)),
  }));
}

export default async function run(): Promise<void> {
  const { MODEL_CATALOG } = await import("@/server/db/seed/model-catalog");
  await measureOnEachDatabase({
    bench: "lists",
    portOffset: 20,
    app: { seed: seedLists },
    title: (kind) => `list procedures over HTTP, next start (own process), ${kind}, one user with ${LIST_ROWS} rows of each:`,
    shapes: (app) => shapes(app, MODEL_CATALOG.length),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.LOG_LEVEL ??= "warn";
  await run();
  process.exit(0);
}
