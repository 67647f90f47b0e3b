// The chat page as a browser meets it: Chromium (/usr/bin/chromium, or CHROMIUM_PATH) opens
// /chat/<id> of a signed-in user owning 100 chats over HTTP against the production build (`next start`,
// its own process), on PostgreSQL and on PGlite. From the page's navigation timing: the document's
// first byte (responseStart) and DOMContentLoaded (domContentLoadedEventEnd), both from navigation start.
// Visits run one after another, each once the one before has gone quiet; the server's CPU per visit
// counts everything a visit asks for, its follow-up requests included.
// Goal: first byte ≤ 25 ms and DOMContentLoaded ≤ 250 ms (medians).
// `npm run bench -- first-byte`; BENCH_QUICK=1 is a short smoke run that exits non-zero on any failure.
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { buildPresent, basePort, databaseKinds, QUICK, startChatApp, type ChatApp } from "./_chat-app";
import { ms, percentile } from "./_stats";

const RUNS = QUICK ? 5 : 40;
const WARMUP = QUICK ? 2 : 5;

interface Timing {
  firstByte: number;
  domContentLoaded: number;
}

/** One visit in a fresh tab of a context that has visited before (scripts in its cache, like a returning user). */
async function visit(context: BrowserContext, app: ChatApp, path: string): Promise<Timing> {
  const page = await context.newPage();
  try {
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
    await page.close();
  }
}

const stat = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return `p50 ${ms(percentile(s, 50))}  p90 ${ms(percentile(s, 90))}  max ${ms(s.at(-1) ?? Number.NaN)}`;
};

async function measure(browser: Browser, app: ChatApp, label: string, path: string, check: (html: string) => boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addCookies([{ ...app.session, url: app.server.url }]);
    for (let i = 0; i < WARMUP; i++) await visit(context, app, path);
    const timings: Timing[] = [];
    const cpu0 = app.server.cpuMs();
    for (let i = 0; i < RUNS; i++) timings.push(await visit(context, app, path));
    // Less swayed by other load than wall time: the server's CPU per visit, with what the page asks for after loading.
    const cpu = (app.server.cpuMs() - cpu0) / RUNS;
    console.log(`  ${label} (${RUNS} visits, server CPU ${ms(cpu)} per visit): first byte ${stat(timings.map((t) => t.firstByte))}`);
    console.log(`  ${" ".repeat(label.length)}  DOMContentLoaded ${stat(timings.map((t) => t.domContentLoaded))}`);
    // The page still shows what it must once it has loaded (the history and the conversation).
    const page = await context.newPage();
    await page.goto(`${app.server.url}${path}`, { waitUntil: "load" });
    await page.getByText("Bench chat 20:").first().waitFor({ timeout: 15_000 });
    if (!check(await page.content())) throw new Error(`${path}: the page lacks its content`);
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
        await measure(browser, app, `/chat/<id> (12 messages)`, `/chat/${app.chatId}`, (html) => html.includes("Message 12."));
        await measure(browser, app, "/ (new chat)", "/", (html) => html.includes("Bench chat 1:"));
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
