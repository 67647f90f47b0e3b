// "/functions" — synced apps (URL, SDK, sync state) and their functions with triggers; Invoke.
import * as api from "../api";
import type { Core } from "../core";
import { html, page, time, type Html } from "./html";
import { invokeButton } from "./invoke-dialog";

export async function functionsPage(core: Core, params: URLSearchParams): Promise<string> {
  const { apps, functions } = await api.listFunctionsAndApps(core);
  const flagged = functions.filter((f) => f.unsupported.length);
  const error = params.get("error");
  const body = html`
    ${flagged.length
      ? html`<div class="panel" data-testid="unsupported" style="padding:12px;margin-bottom:16px"><strong>Not honoured by the local runner</strong>
          <ul class="small">${flagged.map((f) => f.unsupported.map((p) => html`<li><span class="mono">${f.id}</span>: <code>${p.option}</code> ${p.message}</li>`))}</ul></div>`
      : ""}
    <div class="head"><h1>Apps</h1><span class="spacer"></span>
      <form method="post" action="/apps/sync" class="toolbar">
        <input type="text" name="url" placeholder="http://localhost:3000/api/inngest" aria-label="App URL">
        <button type="submit">Sync app</button>
      </form>
    </div>
    <div class="cards" style="margin-top:12px">${
      apps.length
        ? apps.map(
            (a) => html`<div class="panel card">
              <h3>${a.app_name}</h3>
              <div class="mono small break">${a.url}</div>
              <div class="small muted" style="margin-top:6px">${a.sdk ?? "not synced yet"}${a.framework ? ` · ${a.framework}` : ""} · ${a.function_count} function(s)</div>
              <div class="small" style="margin-top:6px">${
                a.error
                  ? html`<span class="error-text">Sync failing: ${a.error}</span> <span class="muted">(${time(a.error_at)})</span>`
                  : html`Last synced ${time(a.synced_at)}`
              }</div>
            </div>`,
          )
        : html`<div class="panel empty">No apps. The runner syncs the URLs in <code>INNGEST_RUNNER_APP_URL</code>; add one above.</div>`
    }</div>
    <h1 style="margin-top:28px">Functions</h1>
    ${error ? html`<div class="notice" role="alert" style="margin-top:12px">Could not invoke ${params.get("invoke") ?? ""}: ${error}</div>` : ""}
    <div class="panel" style="margin-top:12px">${
      functions.length
        ? html`<table class="stack"><thead><tr><th>Function</th><th>Triggers</th><th>Retries</th><th>Cancel on</th><th>Flow control</th><th></th></tr></thead><tbody>${functions.map(
            (f, i) => html`<tr data-function-id="${f.id}">
              <td class="full"><strong>${f.name}</strong><div class="muted small mono break">${f.id}</div></td>
              <td class="full">${f.triggers.map((t) =>
                "cron" in t
                  ? html`<span class="trigger">cron ${t.cron}</span>`
                  : html`<span class="trigger">${t.event}</span>${t.expression ? html`<div class="muted small mono break">if ${t.expression}</div>` : ""}`,
              )}${f.triggers.length === 0 ? html`<span class="muted small">invoke only</span>` : ""}
              ${f.next_cron.length ? html`<div class="small muted">next ${f.next_cron.map((t) => time(t))}</div>` : ""}</td>
              <td class="num" data-label="Retries">${f.retries ?? html`<span class="muted">4 (default)</span>`}</td>
              <td data-label="Cancel on">${f.cancel.length ? f.cancel.map((c) => html`<span class="trigger">${c.event}</span>${c.if ? html`<div class="muted small mono break">if ${c.if}</div>` : ""}`) : html`<span class="muted">—</span>`}</td>
              <td data-label="Flow control">${flowCell(f)}</td>
              <td class="full"><div class="row-actions">${invokeButton(f, String(i))}<a class="button" href="/?function=${encodeURIComponent(f.id)}">Runs →</a></div></td>
            </tr>`,
          )}</tbody></table>`
        : html`<div class="empty">No functions synced yet.</div>`
    }</div>`;
  return page({ title: "Functions", nav: "functions", body, refreshMs: 3000 });
}

function flowCell(f: Awaited<ReturnType<typeof api.listFunctionsAndApps>>["functions"][number]): Html {
  if (!f.flow.length && !f.unsupported.length) return html`<span class="muted">—</span>`;
  return html`${f.flow.map((line) => html`<div class="small mono">${line}</div>`)}${f.unsupported.map(
    (p) => html`<div class="small"><span class="badge warn">unsupported</span> <code>${p.option}</code></div>`,
  )}`;
}
