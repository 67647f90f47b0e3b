// "/events" — recent events with their payloads and the runs they started; Replay and Send event.
import * as api from "../api";
import type { Core } from "../core";
import { badge, html, jsonBlock, page, shortId, time } from "./html";

export async function eventsPage(core: Core, params: URLSearchParams): Promise<string> {
  const name = params.get("name") ?? "";
  const error = params.get("error");
  const showInternal = params.get("internal") === "1";
  const events = await api.listEvents(core, { limit: 100, name: name || undefined, hideFinished: !showInternal && !name });
  const known = [...new Set(core.registry.list().flatMap((f) => (f.config.triggers ?? []).map((t) => ("event" in t ? t.event : null))))]
    .filter((n): n is string => !!n && !n.startsWith("inngest/"))
    .sort();
  const body = html`
    <div class="head"><h1>Events</h1><span class="spacer"></span>
      ${name ? html`<a class="chip active" href="/events">${name} ✕</a>` : ""}
      ${name ? "" : html`<a class="chip ${showInternal ? "active" : ""}" href="${showInternal ? "/events" : "/events?internal=1"}" title="inngest/function.finished events">${showInternal ? "Hide" : "Show"} run-finished events</a>`}
    </div>
    ${error ? html`<div class="notice">${error}</div>` : ""}
    <details class="panel" style="padding:12px 14px;margin:12px 0" data-key="send" ${error ? "open" : ""}>
      <summary><strong>Send event</strong> <span class="muted small">goes through the same intake as <code>inngest.send()</code></span></summary>
      <form method="post" action="/events/send" style="display:grid;gap:8px;margin-top:10px">
        <input type="text" name="name" placeholder="app/event.name" list="event-names" value="${name}" required aria-label="Event name">
        <datalist id="event-names">${known.map((n) => html`<option value="${n}">`)}</datalist>
        <textarea name="data" aria-label="Event data (JSON)" data-json="object" spellcheck="false">{}</textarea>
        <div class="field-error" data-json-error aria-live="polite"></div>
        <div><button class="primary" type="submit">Send event</button></div>
      </form>
    </details>
    <div class="panel">${
      events.length
        ? html`<table class="stack"><thead><tr><th>Received</th><th>Event</th><th>Functions triggered</th><th></th></tr></thead><tbody>${events.map(
            (e) => html`<tr data-event-id="${e.id}">
              <td class="grow lead">${time(e.received_at)} <span class="muted small">${e.source ?? ""}</span></td>
              <td class="full">
                <details data-key="ev-${e.id}"><summary><a class="mono" href="/events?name=${encodeURIComponent(e.name)}">${e.name}</a>
                  <span class="muted small mono">${shortId(e.id)}</span></summary>${jsonBlock(e.payload)}</details>
              </td>
              <td class="full" data-label="Runs">${e.runs.length ? e.runs.map((r) => html`<div><a href="/runs/${r.id}">${r.function_id}</a> ${badge(r.status)}</div>`) : html`<span class="muted small">none</span>`}</td>
              <td class="trail"><div class="row-actions"><form class="inline" method="post" action="/events/${e.id}/replay"><button type="submit" data-action="replay">Replay</button></form></div></td>
            </tr>`,
          )}</tbody></table>`
        : html`<div class="empty">No events ${name ? html`named <code>${name}</code>` : "yet"}.</div>`
    }</div>`;
  return page({ title: "Events", nav: "events", body, refreshMs: 2000 });
}
