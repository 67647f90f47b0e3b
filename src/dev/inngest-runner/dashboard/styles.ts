// The dashboard's stylesheet. Colours are the app's theme tokens (src/app/globals.css: the violet
// primary, zinc neutrals, chart hues for statuses), dark by default as the app is; light follows
// prefers-color-scheme unless the header's toggle picked one (data-theme on <html>).

const DARK = `
  --bg: oklch(0.155 0.014 285); --panel: oklch(0.195 0.016 285); --text: oklch(0.975 0.004 286);
  --muted: oklch(0.72 0.016 286); --border: oklch(1 0 0 / 10%); --input: oklch(1 0 0 / 15%);
  --hover: oklch(0.265 0.016 286); --code: oklch(0.215 0.018 285); --ring: oklch(0.72 0.16 290);
  --accent: oklch(0.7 0.17 290); --accent-fg: oklch(0.17 0.05 290); --accent-soft: oklch(0.3 0.045 289);
  --ok: oklch(0.72 0.15 155); --bad: oklch(0.704 0.191 22.216); --info: oklch(0.7 0.17 290);
  --wait: oklch(0.74 0.12 200); --warn: oklch(0.8 0.15 75);
  color-scheme: dark;`;

const LIGHT = `
  --bg: oklch(0.985 0.003 286); --panel: oklch(1 0 0); --text: oklch(0.145 0.012 285);
  --muted: oklch(0.5 0.018 286); --border: oklch(0.915 0.008 286); --input: oklch(0.895 0.01 286);
  --hover: oklch(0.965 0.006 286); --code: oklch(0.965 0.006 286); --ring: oklch(0.585 0.22 289);
  --accent: oklch(0.52 0.235 289); --accent-fg: oklch(0.985 0.008 290); --accent-soft: oklch(0.955 0.02 289);
  --ok: oklch(0.5 0.14 155); --bad: oklch(0.577 0.245 27.325); --info: oklch(0.52 0.235 289);
  --wait: oklch(0.5 0.1 200); --warn: oklch(0.55 0.14 65);
  color-scheme: light;`;

export const CSS = `
:root {${DARK} }
@media (prefers-color-scheme: light) { :root:not([data-theme="dark"]) {${LIGHT} } }
:root[data-theme="light"] {${LIGHT} }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--ring); outline-offset: 2px; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; padding: 10px 24px; background: var(--panel); border-bottom: 1px solid var(--border); position: sticky; top: 0; z-index: 2; }
.brand { display: inline-flex; align-items: center; gap: 8px; font-weight: 600; color: var(--text); white-space: nowrap; }
.brand:hover { text-decoration: none; } .brand svg { width: 22px; height: 22px; }
.top nav { display: flex; gap: 4px; flex: 1; }
.top nav a { padding: 6px 12px; border-radius: 6px; color: var(--muted); font-weight: 500; }
.top nav a.active, .top nav a:hover { background: var(--hover); color: var(--text); text-decoration: none; }
.top .tools { display: flex; align-items: center; gap: 8px; margin-left: auto; }
.live-toggle { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); cursor: pointer; }
.icon-button { padding: 4px 8px; line-height: 1; }
main { max-width: 1200px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 24px 0 8px; }
.muted { color: var(--muted); } .small { font-size: 12px; } .num { font-variant-numeric: tabular-nums; }
.mono, code, pre, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.break { overflow-wrap: anywhere; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 10px; overflow-x: auto; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-weight: 500; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
th, td { padding: 9px 12px; border-bottom: 1px solid var(--border); vertical-align: top; }
tbody tr:last-child td { border-bottom: 0; } tbody tr:hover { background: var(--hover); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; text-transform: capitalize; white-space: nowrap; }
.badge.ok { color: var(--ok); background: color-mix(in oklch, var(--ok) 16%, transparent); }
.badge.bad { color: var(--bad); background: color-mix(in oklch, var(--bad) 16%, transparent); }
.badge.info { color: var(--info); background: color-mix(in oklch, var(--info) 16%, transparent); }
.badge.wait { color: var(--wait); background: color-mix(in oklch, var(--wait) 16%, transparent); }
.badge.warn { color: var(--warn); background: color-mix(in oklch, var(--warn) 18%, transparent); }
.badge.muted-badge { color: var(--muted); background: var(--hover); }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 12px 0; }
.chip { padding: 4px 10px; border-radius: 999px; border: 1px solid var(--border); background: var(--panel); color: var(--text); font-size: 12.5px; white-space: nowrap; }
.chip:hover { text-decoration: none; background: var(--hover); }
.chip.active { border-color: var(--accent); color: var(--accent); font-weight: 600; }
.chip .count { color: var(--muted); margin-left: 4px; }
select, input[type=text], textarea { font: inherit; color: var(--text); background: var(--panel); border: 1px solid var(--input); border-radius: 6px; padding: 6px 8px; max-width: 100%; }
textarea { width: 100%; min-height: 120px; font-family: ui-monospace, Menlo, monospace; font-size: 12.5px; resize: vertical; }
textarea[aria-invalid="true"] { border-color: var(--bad); }
button, .button { font: inherit; font-weight: 500; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--input); background: var(--panel); color: var(--text); cursor: pointer; white-space: nowrap; }
button:hover, .button:hover { background: var(--hover); text-decoration: none; } a.button { display: inline-block; } button:disabled { opacity: .5; cursor: not-allowed; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
button.primary:hover { background: color-mix(in oklch, var(--accent) 88%, var(--text)); }
button.danger { color: var(--bad); border-color: var(--bad); }
button.danger:hover { background: color-mix(in oklch, var(--bad) 14%, transparent); }
pre.json { margin: 0; padding: 10px 12px; background: var(--code); border-radius: 6px; overflow: auto; max-height: 360px; white-space: pre-wrap; overflow-wrap: anywhere; }
.empty { padding: 40px 20px; text-align: center; color: var(--muted); }
.empty code { background: var(--code); padding: 2px 6px; border-radius: 4px; overflow-wrap: anywhere; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 16px 0; }
.kv { padding: 10px 14px; } .kv .k { color: var(--muted); font-size: 12px; } .kv .v { margin-top: 2px; overflow-wrap: anywhere; }
.head { display: flex; align-items: center; gap: 8px 12px; flex-wrap: wrap; } .head .spacer { flex: 1; }
.head form.toolbar { margin: 0; } .head form.toolbar input[type=text] { width: 30ch; }
.timeline td.bar-cell { width: 28%; min-width: 140px; }
.bar-track { position: relative; height: 10px; background: var(--hover); border-radius: 5px; margin-top: 5px; }
.bar { position: absolute; top: 0; height: 10px; border-radius: 5px; background: var(--accent); min-width: 3px; }
.bar.open { background: repeating-linear-gradient(45deg, var(--accent-soft), var(--accent-soft) 6px, transparent 6px, transparent 10px); }
.bar.failed { background: var(--bad); }
details > summary { cursor: pointer; list-style: none; } details > summary::-webkit-details-marker { display: none; }
details > summary::before { content: "▸"; display: inline-block; width: 14px; text-align: center; color: var(--muted); transition: transform .1s; }
details[open] > summary::before { transform: rotate(90deg); }
.step-detail { padding: 8px 0 4px 14px; display: grid; gap: 8px; min-width: 0; }
.error-text { color: var(--bad); overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(320px, 100%), 1fr)); gap: 12px; }
.card { padding: 14px 16px; } .card h3 { margin: 0 0 6px; font-size: 15px; }
.trigger { display: inline-block; margin: 0 4px 4px 0; padding: 1px 8px; border-radius: 4px; background: var(--code); font-family: ui-monospace, Menlo, monospace; font-size: 12px; overflow-wrap: anywhere; }
.notice { padding: 10px 14px; border-radius: 8px; background: color-mix(in oklch, var(--bad) 14%, transparent); color: var(--bad); margin-bottom: 12px; }
.row-actions { display: flex; gap: 8px; justify-content: flex-end; align-items: center; flex-wrap: wrap; }
form.inline { display: inline; }
dialog { width: min(560px, calc(100vw - 24px)); padding: 18px 20px; border: 1px solid var(--border); border-radius: 12px; background: var(--panel); color: var(--text); }
dialog::backdrop { background: oklch(0 0 0 / 55%); }
dialog h2 { margin: 0 0 4px; } dialog form { display: grid; gap: 10px; margin-top: 12px; }
.field-error { color: var(--bad); font-size: 12px; min-height: 1.2em; }
.dialog-actions { display: flex; gap: 8px; justify-content: flex-end; }

/* Phones: tables marked .stack become one card per row; cells with data-label say what they hold. */
@media (max-width: 700px) {
  .top { padding: 8px 12px; } .top nav { order: 3; flex-basis: 100%; }
  main { padding: 14px 12px 40px; }
  .head form.toolbar, .head select { width: 100%; } .head form.toolbar input[type=text] { flex: 1; width: auto; min-width: 0; }
  table.stack > thead { display: none; }
  table.stack > tbody > tr { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 14px; padding: 10px 12px; border-bottom: 1px solid var(--border); }
  table.stack > tbody > tr:last-child { border-bottom: 0; }
  table.stack > tbody > tr > td { display: block; padding: 0; border: 0; min-width: 0; }
  table.stack > tbody > tr > td.full { flex-basis: 100%; }
  table.stack > tbody > tr > td.grow { flex: 1; }
  table.stack > tbody > tr > td.lead { order: -2; } table.stack > tbody > tr > td.trail { order: -1; }
  table.stack > tbody > tr > td[data-label]::before { content: attr(data-label); margin-right: 6px; color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .03em; }
  table.stack > tbody > tr > td.hide-narrow { display: none; }
  .timeline td.bar-cell { width: auto; min-width: 0; }
  .row-actions { justify-content: flex-start; }
}
`;
