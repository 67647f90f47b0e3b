// `chats.history` as a client sees it: over HTTP against the production build (`next start`, its own
// process), one user owning 100 chats, on PostgreSQL and on PGlite. The request is the one the
// browser's tRPC link sends (a one-call batch answered as JSON); beside it the same batch answered as
// JSON lines (what the streaming link asked for) and a plain GET.
// Goal: 20 concurrent clients ≥ 425 req/s with p99 ≤ 3 × p50; one client at a time p50 ≤ 4 ms.
// `npm run bench -- history`; BENCH_QUICK=1 is a short smoke run that exits non-zero on any failure.
import { pathToFileURL } from "node:url";
import { CHATS, type ChatApp } from "./_chat-app";
import { batchData, measureOnEachDatabase, type Shape, trpcBatchUrl } from "./_list-load";

const PAGE = 20;

type Page = { items: unknown[]; nextCursor: string | null };

function findPage(value: unknown): Page | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findPage(v);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  if ("items" in value && Array.isArray(value.items) && "nextCursor" in value) return value as Page;
  return findPage(Object.values(value));
}

const fullPage = (label: string, page: Page | null | undefined) => {
  if (page?.items.length !== PAGE || !page.nextCursor) throw new Error(`${label}: expected ${PAGE} items and a cursor`);
};

function shapes(app: ChatApp): Shape[] {
  const origin = app.server.url;
  // What @trpc/react-query's useInfiniteQuery sends for the first page.
  const input = { limit: PAGE, cursor: null, direction: "forward" };
  const batchUrl = trpcBatchUrl(origin, "chats.history", input);
  return [
    {
      label: "browser link (one-call batch)",
      url: batchUrl,
      headers: { cookie: app.cookie, "x-trpc-source": "react" },
      check: (body) => fullPage("browser link", findPage(batchData(body))),
    },
    {
      label: "batch streamed as JSON lines",
      url: batchUrl,
      headers: { cookie: app.cookie, "trpc-accept": "application/jsonl", "x-trpc-source": "react" },
      check(body) {
        // JSON lines whose values hold placeholders; the page is the object with `items` in one of them.
        for (const text of body.split("\n")) {
          const found = text.trim() ? findPage(JSON.parse(text)) : null;
          if (found) return fullPage("JSON lines", found);
        }
        throw new Error(`no page in the streamed answer: ${body.slice(0, 300)}`);
      },
    },
    {
      label: "plain GET",
      url: `${origin}/api/trpc/chats.history?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
      headers: { cookie: app.cookie },
      check: (body) => fullPage("plain GET", (JSON.parse(body) as { result: { data: { json: Page } } }).result.data.json),
    },
  ];
}

export default async function run(): Promise<void> {
  await measureOnEachDatabase({
    bench: "history",
    portOffset: 0,
    title: (kind) => `chats.history over HTTP, next start (own process), ${kind}, one user with ${CHATS} chats, ${PAGE} per page:`,
    shapes,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.LOG_LEVEL ??= "warn";
  await run();
  process.exit(0);
}
