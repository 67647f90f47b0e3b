// The chat page as a client meets it, against the production build (`next start`, its own process), for a
// signed-in user owning 100 chats, on PostgreSQL and on PGlite, in three views:
// - the document over HTTP (a Node client sending a browser's headers): its first and last byte — what the
//   server alone decides — back to back, and each after an idle spell as between a person's page views;
// - Chromium (/usr/bin/chromium, or CHROMIUM_PATH), one tab going from a blank page to the address, as someone
//   typing it or following a bookmark;
// - Chromium, a new tab per visit, as someone opening a link in a new tab: Chromium starts a renderer for each,
//   and on this 2-core machine that work competes with the server's.
// Beside them, the sign-in page for a signed-out visitor: no query, no app shell, a small form. It is the floor
// any page of this app (and of Next on this machine) starts from, measured in the same run, so a reader can tell
// how much of the chat page's time is the page's own.
// From the page's navigation timing: the document's first byte (responseStart) and DOMContentLoaded
// (domContentLoadedEventEnd), both from navigation start. Visits run one after another, each once the one
// before has gone quiet; the server's CPU per visit counts everything a visit asks for, follow-up requests included.
// Goal: first byte ≤ 25 ms and DOMContentLoaded ≤ 250 ms (medians).
// `npm run bench -- first-byte`; BENCH_QUICK=1 is a short smoke run that exits non-zero on any failure.
import http from "node:http";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildPresent, basePort, databaseKinds, QUICK, startChatApp, type ChatApp } from "./_chat-app";
import { ms, percentile } from "./_stats";

const RUNS = QUICK ? 5 : 40;
const WARMUP = QUICK ? 2 : 5;

interface Timing {
  firstByte: number;
  domContentLoaded: number;
}

type TabMode = "same tab" | "new tab";

interface PageUnderTest {
  label: string;
  path: string;
  /** Visited without the session cookie. */
  signedOut?: boolean;
  modes: readonly TabMode[];
  /** The document holds what it must. */
  check: (html: string) => boolean;
  /** Text the loaded page shows once its follow-up requests are answered. */
  shows: string;
}

/**
 * One visit by a context that has visited before (scripts in its cache, like a returning user): in `tab`
 * from a blank page, or in a fresh tab when there is none.
 */
async function visit(context: BrowserContext, app: ChatApp, path: string, tab: Page | null): Promise<Timing> {
  const page = tab ?? (await context.newPage());
  try {
    if (tab) await tab.goto("about:blank");
    const res = await page.goto(`${app.server.url}${path}`, { waitUntil: "domcontentloaded" });
    if (res?.status() !== 200) throw new Error(`${path} answered ${res?.status()}`);
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return nav instanceof PerformanceNavigationTiming
        ? { firstByte: nav.responseStart, domContentLoaded: nav.domContentLoadedEventEnd, url: nav.name }
        : null;
    });
    if (!t) throw new Error("no navigation timing");
    if (!t.url.includes(path)) throw new Error(`${path} ended at ${t.url} (signed out?)`);
    // One visitor, one page at a time: the next visit starts once this one's follow-up requests (its
    // queries, prefetches) are answered, so a visit's server time is not spent on the one before.
    await page.waitForLoadState("networkidle");
    return t;
  } finally {
    if (!tab) await page.close();
  }
}

const stat = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return `p50 ${ms(percentile(s, 50))}  p90 ${ms(percentile(s, 90))}  max ${ms(s.at(-1) ?? Number.NaN)}`;
};

// What Chromium sends for a typed address, so the server takes the same path as for a browser.
const BROWSER_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8",
  "accept-language": "en-US,en;q=0.9",
  "sec-fetch-dest": "document",
  "sec-fetch-mode": "navigate",
  "sec-fetch-site": "none",
  "upgrade-insecure-requests": "1",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** The document over HTTP: ms to its first byte and to its last, and the body (to check). */
function fetchDocument(app: ChatApp, p: PageUnderTest): Promise<{ firstByte: number; lastByte: number; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstByte = Number.NaN;
    let body = "";
    http
      .get(`${app.server.url}${p.path}`, { agent, headers: { ...BROWSER_HEADERS, ...(p.signedOut ? {} : { cookie: app.cookie }) } }, (res) => {
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          if (Number.isNaN(firstByte)) firstByte = performance.now() - t0;
          body += c;
        });
        res.on("end", () => resolve({ firstByte, lastByte: performance.now() - t0, status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/**
 * A person pauses between page views, and Chromium's visits below wait for the page to go quiet:
 * the server meets each such request after an idle spell, measurably slower than one in a
 * back-to-back run (caches gone cold, processes asleep). Both are measured.
 */
const IDLE_MS = 600;

async function measureHttp(app: ChatApp, p: PageUnderTest) {
  const { label, path } = p;
  for (let i = 0; i < WARMUP; i++) await fetchDocument(app, p);
  for (const idle of [0, IDLE_MS]) {
    const first: number[] = [];
    const last: number[] = [];
    const cpu0 = app.server.cpuMs();
    for (let i = 0; i < RUNS; i++) {
      if (idle) await new Promise((resolve) => setTimeout(resolve, idle));
      const r = await fetchDocument(app, p);
      if (r.status !== 200 || !p.check(r.body)) throw new Error(`${path} over HTTP: ${r.status}, or the document lacks its content`);
      first.push(r.firstByte);
      last.push(r.lastByte);
    }
    const cpu = (app.server.cpuMs() - cpu0) / RUNS;
    const how = idle ? `each after ${idle} ms idle` : "back to back";
    console.log(`  ${label}, document over HTTP (${RUNS} requests ${how}, server CPU ${ms(cpu)} each): first byte ${stat(first)}`);
    console.log(`  ${" ".repeat(label.length)}  last byte ${stat(last)}`);
  }
}

async function measure(browser: Browser, app: ChatApp, p: PageUnderTest, mode: TabMode) {
  const { label, path } = p;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    if (!p.signedOut) await context.addCookies([{ ...app.session, url: app.server.url }]);
    const tab = mode === "same tab" ? await context.newPage() : null;
    for (let i = 0; i < WARMUP; i++) await visit(context, app, path, tab);
    const timings: Timing[] = [];
    const cpu0 = app.server.cpuMs();
    for (let i = 0; i < RUNS; i++) timings.push(await visit(context, app, path, tab));
    // Less swayed by other load than wall time: the server's CPU per visit, with what the page asks for after loading.
    const cpu = (app.server.cpuMs() - cpu0) / RUNS;
    console.log(`  ${label}, Chromium, ${mode} (${RUNS} visits, server CPU ${ms(cpu)} per visit): first byte ${stat(timings.map((t) => t.firstByte))}`);
    console.log(`  ${" ".repeat(label.length)}  DOMContentLoaded ${stat(timings.map((t) => t.domContentLoaded))}`);
    // The page still shows what it must once it has loaded (on the chat pages, the history and the conversation).
    const page = await context.newPage();
    await page.goto(`${app.server.url}${path}`, { waitUntil: "load" });
    await page.getByText(p.shows).first().waitFor({ timeout: 15_000 });
    if (!p.check(await page.content())) throw new Error(`${path}: the page lacks its content`);
  } finally {
    await context.close();
  }
}

export default async function run(): Promise<void> {
  if (!buildPresent("first-byte")) return;
  const kinds = await databaseKinds();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    for (const [i, kind] of kinds.entries()) {
      const app = await startChatApp(kind, basePort() + 10 + i);
      try {
        console.log(`chat page in Chromium, next start (own process), ${kind}, one user with 100 chats:`);
        const both = ["same tab", "new tab"] as const;
        const history = "Bench chat 20:";
        const pages: PageUnderTest[] = [
          { label: "/chat/<id> (12 messages)", path: `/chat/${app.chatId}`, modes: both, check: (html) => html.includes("Message 12."), shows: history },
          { label: "/ (new chat)", path: "/", modes: both, check: (html) => html.includes("Bench chat 1:"), shows: history },
          {
            label: "/sign-in, signed out (the floor)",
            path: "/sign-in",
            signedOut: true,
            // In a new tab too: what a renderer's start costs any page on this machine, beside the chat page's.
            modes: both,
            check: (html) => html.includes("Sign in"),
            shows: "Sign in",
          },
        ];
        for (const p of pages) {
          await measureHttp(app, p);
          for (const mode of p.modes) await measure(browser, app, p, mode);
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.LOG_LEVEL ??= "warn";
  await run();
  process.exit(0);
}
