// The platform's list procedures (and the chat history's search), as a client sees them: over HTTP against
// the production build (`next start`, its own process), one user owning 100 of each row, on PostgreSQL and
// on PGlite. Each request is the one the app's page sends for its first screen, as the browser's tRPC link
// sends it (a one-call batch answered as JSON). `history` measures `chats.history` the same way. Lists of
// one resource's parts (a job's logs and checkpoints, a document's versions) are not here.
// Goal, as for the history: 20 concurrent clients ≥ 425 req/s with p99 ≤ 3 × p50; one client at a time p50 ≤ 4 ms.
// `npm run bench -- lists`; BENCH_QUICK=1 is a short smoke run that exits non-zero on any failure.
import { pathToFileURL } from "node:url";
import { z } from "zod";
import type { ChatApp } from "./_chat-app";
import { batchData, measureOnEachDatabase, type Shape, trpcBatchUrl } from "./_list-load";
import { defaultFilters, recordsInput } from "@/components/costs/filters";
import { LIST_ROWS, LIVE_DEPLOYMENT_ID, seedLists } from "./_lists-seed";

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

const pageSchema = z.object({ items: z.array(z.unknown()), nextCursor: z.string() });

function holds(c: ListCall, data: unknown): void {
  const items = c.paged ? pageSchema.safeParse(data).data?.items : z.array(z.unknown()).safeParse(data).data;
  if (items?.length !== c.items) throw new Error(`${c.procedure}: expected ${c.items} items${c.paged ? " and a cursor" : ""}`);
}

function calls(catalog: { models: number; providers: number }): ListCall[] {
  return [
    // The first pages of the /datasets, /fine-tuning, /deployments, /costs and /notifications tables.
    { procedure: "datasets.list", input: { limit: PAGE, sort: "newest", ...firstPage }, items: PAGE, paged: true },
    { procedure: "fineTuning.list", input: { limit: PAGE, ...firstPage }, items: PAGE, paged: true },
    { procedure: "deployments.list", input: { limit: PAGE, ...firstPage }, items: PAGE, paged: true },
    { procedure: "costs.records", input: { ...recordsInput(defaultFilters()), limit: 50, ...firstPage }, items: 50, paged: true },
    { procedure: "notifications.page", input: { limit: 30, ...firstPage }, items: 30, paged: true },
    // A deployment's Requests tab, polled every 5 s while it is open.
    { procedure: "usage.requests", input: { deploymentId: LIVE_DEPLOYMENT_ID, limit: 25, ...firstPage }, items: 25, paged: true },
    // No page lists artifacts yet (each has its own page), but the procedure is there for one.
    { procedure: "artifacts.list", input: { limit: PAGE, ...firstPage }, items: PAGE, paged: true },
    // The bell's latest, polled by every signed-in page.
    { procedure: "notifications.list", input: { limit: 8 }, items: 8 },
    // Every key at once (the settings page has no pages).
    { procedure: "apiKeys.list", items: LIST_ROWS },
    // The whole catalog, unfiltered, and its providers, as /models opens.
    { procedure: "models.list", input: {}, items: catalog.models },
    { procedure: "models.providers", items: catalog.providers },
    // The history's search, for a word in every chat's title (its first 20).
    { procedure: "chats.search", input: { query: "bench" }, items: 20 },
  ];
}

function shapes(app: ChatApp, catalog: { models: number; providers: number }): Shape[] {
  return calls(catalog).map((c) => ({
    label: c.procedure,
    url: trpcBatchUrl(app.server.url, c.procedure, c.input),
    headers: { cookie: app.cookie, "x-trpc-source": "react" },
    check: (body) => holds(c, batchData(body)),
  }));
}

export default async function run(): Promise<void> {
  const { MODEL_CATALOG } = await import("@/server/db/seed/model-catalog");
  const catalog = { models: MODEL_CATALOG.length, providers: new Set(MODEL_CATALOG.map((m) => m.provider)).size };
  await measureOnEachDatabase({
    bench: "lists",
    portOffset: 20,
    app: { seed: seedLists },
    title: (kind) => `list procedures over HTTP, next start (own process), ${kind}, one user with ${LIST_ROWS} rows of each:`,
    shapes: (app) => shapes(app, catalog),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.LOG_LEVEL ??= "warn";
  await run();
  process.exit(0);
}
