// Shared pieces of the dashboard pages: escaping, the page frame, styles (light and dark) and the
// small script that refreshes the live part of a page and shows times in the viewer's time zone.
import { formatDuration } from "../duration";

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

export function page(o: PageOptions): string {
  const link = (key: PageOptions["nav"], href: string, label: string) =>
    html`<a href="${href}" class="${o.nav === key ? "active" : ""}">${label}</a>`;
  return `<!doctype html>${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${o.title} · Inngest runner</title>
<style>${raw(CSS)}</style>
</head>
<body>
<header class="top">
  <a class="brand" href="/"><span class="logo">◆</span> Inngest runner <span class="muted small">local</span></a>
  <nav>${link("runs", "/", "Runs")}${link("events", "/events", "Events")}${link("functions", "/functions", "Functions")}</nav>
  <label class="live-toggle small" title="Refresh this page automatically"><input type="checkbox" id="auto" checked> Live</label>
</header>
<main id="live" data-refresh="${o.refreshMs ?? 1000}">${o.body}</main>
<script>${raw(SCRIPT)}</script>
</body>
</html>`}`;
}

const CSS = `
:root {
  --bg: #f7f7f8; --panel: #ffffff; --text: #1b1c1f; --muted: #6b6f76; --border: #e3e4e8; --hover: #f0f1f4;
  --accent: #5b5bd6; --ok: #1a7f4b; --ok-bg: #e3f5ea; --bad: #c4302b; --bad-bg: #fde8e7; --info: #2563eb; --info-bg: #e4ecfd;
  --wait: #8a5a00; --wait-bg: #fdf1d8; --warn: #b4530b; --warn-bg: #fdebdc; --code: #f3f3f6; --bar: #c7c9f5; --bar-run: #5b5bd6;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111214; --panel: #18191c; --text: #e7e8ea; --muted: #9a9ea6; --border: #2a2c31; --hover: #1f2125;
    --accent: #8b8cf5; --ok: #5fd394; --ok-bg: #14301f; --bad: #ff7b72; --bad-bg: #3a1615; --info: #79a6ff; --info-bg: #16243f;
    --wait: #f0c060; --wait-bg: #33270e; --warn: #ffa657; --warn-bg: #3a2410; --code: #1e2024; --bar: #34366b; --bar-run: #8b8cf5;
  }
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--text); }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
.top { display: flex; align-items: center; gap: 24px; padding: 10px 24px; background: var(--panel); border-bottom: 1px solid var(--border); position: sticky; top: 0; z-index: 2; }
.brand { font-weight: 600; color: var(--text); } .logo { color: var(--accent); }
.top nav { display: flex; gap: 4px; flex: 1; }
.top nav a { padding: 6px 12px; border-radius: 6px; color: var(--muted); font-weight: 500; }
.top nav a.active, .top nav a:hover { background: var(--hover); color: var(--text); text-decoration: none; }
main { max-width: 1200px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 24px 0 8px; }
.muted { color: var(--muted); } .small { font-size: 12px; } .num { font-variant-numeric: tabular-nums; }
.mono, code, pre, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 10px; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-weight: 500; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
th, td { padding: 9px 12px; border-bottom: 1px solid var(--border); vertical-align: top; }
tbody tr:last-child td { border-bottom: 0; } tbody tr:hover { background: var(--hover); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; text-transform: capitalize; }
.badge.ok { color: var(--ok); background: var(--ok-bg); } .badge.bad { color: var(--bad); background: var(--bad-bg); }
.badge.info { color: var(--info); background: var(--info-bg); } .badge.wait { color: var(--wait); background: var(--wait-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); } .badge.muted-badge { color: var(--muted); background: var(--hover); }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 12px 0; }
.chip { padding: 4px 10px; border-radius: 999px; border: 1px solid var(--border); background: var(--panel); color: var(--text); font-size: 12.5px; }
.chip.active { border-color: var(--accent); color: var(--accent); font-weight: 600; }
.chip .count { color: var(--muted); margin-left: 4px; }
select, input[type=text], textarea { font: inherit; color: var(--text); background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 6px 8px; }
textarea { width: 100%; min-height: 90px; font-family: ui-monospace, Menlo, monospace; font-size: 12.5px; }
button, .button { font: inherit; font-weight: 500; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--border); background: var(--panel); color: var(--text); cursor: pointer; }
button:hover { background: var(--hover); } button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.danger { color: var(--bad); border-color: var(--bad); } button.danger:hover { background: var(--bad-bg); }
pre.json { margin: 0; padding: 10px 12px; background: var(--code); border-radius: 6px; overflow: auto; max-height: 360px; white-space: pre-wrap; word-break: break-word; }
.empty { padding: 40px 20px; text-align: center; color: var(--muted); }
.empty code { background: var(--code); padding: 2px 6px; border-radius: 4px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 16px 0; }
.kv { padding: 10px 14px; } .kv .k { color: var(--muted); font-size: 12px; } .kv .v { margin-top: 2px; word-break: break-all; }
.head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; } .head .spacer { flex: 1; }
.timeline td.bar-cell { width: 28%; min-width: 160px; }
.bar-track { position: relative; height: 10px; background: var(--hover); border-radius: 5px; margin-top: 5px; }
.bar { position: absolute; top: 0; height: 10px; border-radius: 5px; background: var(--bar-run); min-width: 3px; }
.bar.open { background: repeating-linear-gradient(45deg, var(--bar), var(--bar) 6px, transparent 6px, transparent 10px); }
.bar.failed { background: var(--bad); }
details > summary { cursor: pointer; list-style: none; } details > summary::-webkit-details-marker { display: none; }
details > summary::before { content: "▸"; display: inline-block; width: 14px; color: var(--muted); transition: transform .1s; }
details[open] > summary::before { transform: rotate(90deg); }
.step-detail { padding: 8px 0 4px 14px; display: grid; gap: 8px; }
.error-text { color: var(--bad); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
.card { padding: 14px 16px; } .card h3 { margin: 0 0 6px; font-size: 15px; }
.trigger { display: inline-block; margin: 0 4px 4px 0; padding: 1px 8px; border-radius: 4px; background: var(--code); font-family: ui-monospace, Menlo, monospace; font-size: 12px; }
.notice { padding: 10px 14px; border-radius: 8px; background: var(--bad-bg); color: var(--bad); margin-bottom: 12px; }
form.inline { display: inline; }
`;

const SCRIPT = `
(function () {
  var live = document.getElementById("live");
  var auto = document.getElementById("auto");
  var every = Number(live.dataset.refresh || 0);
  try { auto.checked = localStorage.getItem("runner-live") !== "off"; } catch (e) {}
  auto.addEventListener("change", function () { try { localStorage.setItem("runner-live", auto.checked ? "on" : "off"); } catch (e) {} });
  function localTimes(root) {
    root.querySelectorAll("time[data-ts]").forEach(function (t) {
      var d = new Date(Number(t.dataset.ts));
      var today = new Date().toDateString() === d.toDateString();
      t.textContent = today ? d.toLocaleTimeString() : d.toLocaleString();
    });
  }
  localTimes(document);
  if (!every) return;
  var busy = false;
  var lastRaw = null;
  function busyUser() {
    var a = document.activeElement;
    return a && (a.tagName === "TEXTAREA" || a.tagName === "INPUT" && a.type === "text" || a.tagName === "SELECT");
  }
  setInterval(function () {
    if (!auto.checked || busy || document.hidden || busyUser()) return;
    busy = true;
    fetch(location.href, { headers: { "x-partial": "1" } }).then(function (r) { return r.text(); }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var next = doc.getElementById("live");
      if (!next) return;
      var open = {};
      live.querySelectorAll("details[data-key]").forEach(function (d) { open[d.dataset.key] = d.open; });
      next.querySelectorAll("details[data-key]").forEach(function (d) { if (d.dataset.key in open) d.open = open[d.dataset.key]; });
      var rawHtml = next.innerHTML;
      if (rawHtml !== lastRaw) { lastRaw = rawHtml; live.innerHTML = rawHtml; localTimes(live); }
    }).catch(function () {}).finally(function () { busy = false; });
  }, every);
})();
`;
