// "/" — the runs list, filtered by status and function through URL params.
import * as api from "../api";
import type { Core } from "../core";
import * as store from "../store";
import { badge, duration, html, page, shortId, time } from "./html";

export async function runsPage(core: Core, params: URLSearchParams): Promise<string> {
  const status = params.get("status") ?? "";
  const fn = params.get("function") ?? "";
  const limit = Math.min(Number(params.get("limit") ?? 100) || 100, 500);
  const [runs, counts] = await Promise.all([
    api.listRuns(core, { status: status || undefined, function: fn || undefined, limit }),
    store.countRunsByStatus(core.db),
  ]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const functions = core.registry.list();
  const qs = (over: Record<string, string>) => {
    const p = new URLSearchParams({ ...(status ? { status } : {}), ...(fn ? { function: fn } : {}), ...over });
    for (const [k, v] of [...p]) if (!v) p.delete(k);
    const s = p.toString();
    return s ? `/?${s}` : "/";
  };
  const chips = [
    html`<a class="chip ${status ? "" : "active"}" href="${qs({ status: "" })}">All<span class="count">${total}</span></a>`,
    ...api.RUN_STATUSES.map(
      (s) =>
        html`<a class="chip ${status === s ? "active" : ""}" href="${qs({ status: s })}">${s}<span class="count">${counts[s] ?? 0}</span></a>`,
    ),
  ];
  const rows = runs.map(
    (r) => html`<tr data-run-id="${r.id}">
      <td>${badge(r.status)}${r.reason ? html`<div class="small muted" data-testid="flow-reason">${r.reason}</div>` : ""}</td>
      <td class="grow"><a class="id mono" href="/runs/${r.id}" title="${r.id}">${shortId(r.id)}</a></td>
      <td class="full"><a href="${qs({ function: r.function_id })}">${r.function_name}</a><div class="muted small mono break">${r.function_id}</div></td>
      <td class="full"><span class="mono break">${r.event_name}</span>${r.parent_run_id ? html`<div class="small">invoked by <a href="/runs/${r.parent_run_id}">${shortId(r.parent_run_id)}</a></div>` : ""}</td>
      <td data-label="Queued">${time(r.queued_at)}</td>
      <td data-label="Started">${time(r.started_at)}</td>
      <td data-label="Took">${r.ended_at !== null ? duration(r.duration_ms) : r.started_at ? html`<span class="muted">running…</span>` : html`<span class="muted">—</span>`}</td>
    </tr>`,
  );
  const empty = html`<div class="empty">
    ${status || fn ? "No runs match these filters." : html`No runs yet. Send an event from your app, from the <a href="/events">Events</a> page, or with
    <code>curl -X POST localhost:8288/e/&lt;event key&gt; -d '{"name":"radium/ping","data":{}}'</code>.`}
  </div>`;
  const body = html`
    <div class="head"><h1>Runs</h1><span class="spacer"></span>
      <form method="get" action="/" class="toolbar" style="margin:0">
        ${status ? html`<input type="hidden" name="status" value="${status}">` : ""}
        <select name="function" onchange="this.form.submit()" aria-label="Function">
          <option value="">All functions</option>
          ${functions.map((f) => html`<option value="${f.id}" ${f.id === fn ? "selected" : ""}>${f.name} (${f.id})</option>`)}
        </select>
        <noscript><button>Filter</button></noscript>
      </form>
    </div>
    <div class="toolbar">${chips}</div>
    <div class="panel">${
      runs.length
        ? html`<table class="stack"><thead><tr><th>Status</th><th>Run</th><th>Function</th><th>Trigger</th><th>Queued</th><th>Started</th><th>Duration</th></tr></thead><tbody>${rows}</tbody></table>`
        : empty
    }</div>`;
  return page({ title: "Runs", nav: "runs", body, refreshMs: 1000 });
}
