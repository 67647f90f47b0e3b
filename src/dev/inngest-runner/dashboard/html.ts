// Shared pieces of the dashboard pages: escaping, small renderers and the page frame (styles in
// styles.ts, browser scripts in script.ts).
import { formatDuration } from "../duration";
import { THEME_SCRIPT, SCRIPT } from "./script";
import { CSS } from "./styles";

export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Tagged template that escapes interpolations unless they are already `Html`. */
export class Html {
  constructor(public value: string) {}
  toString(): string {
    return this.value;
  }
}
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}
function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  if (v === null || v === undefined || v === false) return "";
  return esc(v);
}
export const raw = (s: string) => new Html(s);

export function time(ms: number | null | undefined): Html {
  if (ms === null || ms === undefined) return html`<span class="muted">—</span>`;
  const iso = new Date(ms).toISOString();
  return html`<time datetime="${iso}" data-ts="${ms}" title="${iso}">${iso.slice(11, 19)}</time>`;
}

export function duration(ms: number | null | undefined): Html {
  if (ms === null || ms === undefined) return html`<span class="muted">—</span>`;
  return html`<span class="num">${formatDuration(ms)}</span>`;
}

const STATUS_CLASS: Record<string, string> = {
  completed: "ok",
  failed: "bad",
  cancelled: "muted-badge",
  running: "info",
  queued: "muted-badge",
  sleeping: "wait",
  waiting: "wait",
  invoking: "wait",
  retrying: "warn",
};

export function badge(status: string): Html {
  return html`<span class="badge ${STATUS_CLASS[status] ?? "muted-badge"}" data-status="${status}">${status}</span>`;
}

export function jsonBlock(value: unknown): Html {
  return html`<pre class="json">${JSON.stringify(value, null, 2) ?? "null"}</pre>`;
}

export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 6)}…${id.slice(-6)}` : id;
}

export interface PageOptions {
  title: string;
  nav: "runs" | "events" | "functions";
  body: Html;
  /** Refresh the #live region every this many ms (0 = never). */
  refreshMs?: number;
}

/** The mark, in the app's violet: a diamond in a rounded square. Also the favicon. */
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="8" fill="oklch(0.52 0.235 289)"/><path d="M16 6l10 10-10 10L6 16z" fill="oklch(0.985 0.008 290)"/><path d="M16 11l5 5-5 5-5-5z" fill="oklch(0.7 0.17 290)"/></svg>`;
const FAVICON = `data:image/svg+xml,${encodeURIComponent(LOGO.replace(/oklch\(0.52 0.235 289\)/g, "#6d3fe0").replace(/oklch\(0.985 0.008 290\)/g, "#fbf9ff").replace(/oklch\(0.7 0.17 290\)/g, "#a98bf5"))}`;

export function page(o: PageOptions): string {
  const link = (key: PageOptions["nav"], href: string, label: string) =>
    html`<a href="${href}" class="${o.nav === key ? "active" : ""}" ${o.nav === key ? raw('aria-current="page"') : ""}>${label}</a>`;
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark light">
<title>${o.title} · Inngest runner</title>
<link rel="icon" type="image/svg+xml" href="${FAVICON}">
<script>${raw(THEME_SCRIPT)}</script>
<style>${raw(CSS)}</style>
</head>
<body>
<header class="top">
  <a class="brand" href="/">${raw(LOGO)} Inngest runner <span class="muted small">local</span></a>
  <nav aria-label="Dashboard">${link("runs", "/", "Runs")}${link("events", "/events", "Events")}${link("functions", "/functions", "Functions")}</nav>
  <div class="tools">
    <label class="live-toggle small" title="Refresh this page automatically"><input type="checkbox" id="auto" checked> Live</label>
    <button type="button" id="theme" class="icon-button" aria-label="Switch theme">◐</button>
  </div>
</header>
<main id="live" data-refresh="${o.refreshMs ?? 1000}">${o.body}</main>
<script>${raw(SCRIPT)}</script>
</body>
</html>`}`;
}
