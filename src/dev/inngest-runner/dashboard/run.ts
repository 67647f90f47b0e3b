// "/runs/:id" — one run: status, trigger, output or error, and its steps as a timeline.
import * as api from "../api";
import type { Core } from "../core";
import { formatDuration } from "../duration";
import { isTerminal } from "../types";
import { badge, duration, html, jsonBlock, page, shortId, time, type Html } from "./html";

type Detail = NonNullable<Awaited<ReturnType<typeof api.getRunDetail>>>;
type Step = Detail["steps"][number];

export async function runPage(core: Core, id: string): Promise<string | null> {
  const run = await api.getRunDetail(core, id);
  if (!run) return null;
  const start = run.queued_at;
  const end = run.ended_at ?? Math.max(core.now(), ...run.steps.map((s) => s.ended_at ?? 0));
  const span = Math.max(1, end - start);
  const body = html`
    <div class="head">
      <h1>${run.function_name}</h1> ${badge(run.status)}
      <span class="spacer"></span>
      ${isTerminal(run.status)
        ? ""
        : html`<form class="inline" method="post" action="/runs/${run.id}/cancel" onsubmit="return confirm('Cancel this run?')">
            <button class="danger" type="submit" data-action="cancel">Cancel run</button></form>`}
      ${run.event_id ? html`<form class="inline" method="post" action="/events/${run.event_id}/replay"><button type="submit">Rerun (replay event)</button></form>` : ""}
    </div>
    <div class="muted mono small">${run.id}</div>
    ${run.reason ? html`<div class="panel" data-testid="flow-reason" style="padding:8px 12px;margin-top:8px"><span class="small muted">Flow control</span> ${run.reason}</div>` : ""}
    <div class="grid">
      ${kv("Function", html`<span class="mono">${run.function_id}</span>`)}
      ${kv("Trigger", html`<span class="mono">${run.event.name}</span>`)}
      ${kv("Queued", time(run.queued_at))}
      ${kv("Started", time(run.started_at))}
      ${kv("Ended", time(run.ended_at))}
      ${kv("Duration", run.ended_at !== null ? duration(run.duration_ms) : html`<span class="muted">${formatDuration(core.now() - (run.started_at ?? run.queued_at))} so far</span>`)}
      ${kv("Max attempts", String(run.max_attempts))}
      ${run.parent_run_id ? kv("Invoked by", html`<a class="mono" href="/runs/${run.parent_run_id}">${shortId(run.parent_run_id)}</a>`) : ""}
    </div>
    ${run.status === "failed" || (run.error && !isTerminal(run.status))
      ? html`<h2>${run.status === "failed" ? "Error" : "Last error (retrying)"}</h2><div class="panel" style="padding:12px"><div class="error-text"><strong>${run.error?.name}</strong>: ${run.error?.message}</div>${run.error?.stack ? html`<details data-key="run-stack"><summary class="small muted">Stack</summary><pre class="json">${run.error.stack}</pre></details>` : ""}</div>`
      : ""}
    ${run.status === "completed" ? html`<h2>Output</h2>${jsonBlock(run.output)}` : ""}
    <h2>Steps <span class="muted small">${run.steps.length}</span></h2>
    <div class="panel">${
      run.steps.length
        ? html`<table class="timeline stack"><thead><tr><th>#</th><th>Step</th><th>Op</th><th>Status</th><th>Attempts</th><th>Started</th><th>Took</th><th>Timeline</th></tr></thead>
          <tbody>${run.steps.map((s) => stepRow(s, start, span, core.now()))}</tbody></table>`
        : html`<div class="empty">${isTerminal(run.status) ? "This run had no steps." : "No steps yet — the function is being called."}</div>`
    }</div>
    ${pending(run)}
    <h2>Trigger event</h2>
    <details data-key="event" open><summary class="small muted mono">${run.event.id}</summary>${jsonBlock(run.event)}</details>`;
  return page({ title: `Run ${shortId(run.id)}`, nav: "runs", body, refreshMs: isTerminal(run.status) ? 0 : 1000 });
}

function kv(k: string, v: Html | string): Html {
  return html`<div class="panel kv"><div class="k">${k}</div><div class="v">${v}</div></div>`;
}

function stepRow(s: Step, start: number, span: number, now: number): Html {
  const from = s.started_at ?? now;
  const to = s.ended_at ?? now;
  const left = Math.max(0, Math.min(100, ((from - start) / span) * 100));
  const width = Math.max(0.5, Math.min(100 - left, ((to - from) / span) * 100));
  const open = s.ended_at === null;
  return html`<tr data-step="${s.name}">
    <td class="muted num hide-narrow">${s.seq}</td>
    <td class="full">
      <details data-key="step-${s.id}" ${s.status === "failed" || s.status === "retrying" ? "open" : ""}><summary><strong>${s.name}</strong></summary>${stepDetail(s)}</details>
    </td>
    <td data-label="Op"><span class="mono small">${s.op}</span></td>
    <td>${badge(s.status)}</td>
    <td class="num" data-label="Attempts">${s.attempts || html`<span class="muted">—</span>`}</td>
    <td data-label="Started">${time(s.started_at)}</td>
    <td data-label="Took">${s.ended_at !== null ? duration(s.duration_ms) : html`<span class="muted">…</span>`}</td>
    <td class="bar-cell full"><div class="bar-track"><div class="bar ${open ? "open" : ""} ${s.status === "failed" ? "failed" : ""}" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%"></div></div></td>
  </tr>`;
}

function stepDetail(s: Step): Html {
  const d = (s.detail ?? {}) as Record<string, unknown>;
  const lines: Html[] = [];
  if (s.op === "Sleep" && d.until) {
    lines.push(html`<div>${s.status === "sleeping" ? "Sleeping until" : "Slept until"} ${time(Number(d.until))} <span class="muted">(${String(d.sleep ?? "")})</span></div>`);
  }
  if (s.op === "WaitForEvent") {
    lines.push(html`<div>Waiting for <span class="mono">${String(d.event ?? "")}</span>${d.if ? html` if <code>${String(d.if)}</code>` : ""}, timeout ${String(d.timeout ?? "none")}${d.expires_at ? html` (until ${time(Number(d.expires_at))})` : ""}</div>`);
    if (d.timed_out) lines.push(html`<div class="muted">Timed out: the step returned null.</div>`);
    if (d.matched_event_id) lines.push(html`<div>Matched event <span class="mono">${String(d.matched_event_id)}</span></div>`);
  }
  if (s.op === "InvokeFunction" && d.child_run_id) {
    lines.push(html`<div>Invoked <span class="mono">${String(d.function_id ?? "")}</span>: run <a class="mono" href="/runs/${String(d.child_run_id)}">${shortId(String(d.child_run_id))}</a></div>`);
  }
  if (s.status === "retrying" && d.retry_at) lines.push(html`<div class="small">Next attempt at ${time(Number(d.retry_at))}</div>`);
  if (s.error) lines.push(html`<div class="error-text"><strong>${s.error.name}</strong>: ${s.error.message}</div>`);
  if (s.output !== null && s.output !== undefined) lines.push(html`<div><div class="small muted">Output</div>${jsonBlock(s.output)}</div>`);
  if (s.history.length > 1 || s.history.some((h) => h.error)) {
    lines.push(html`<div><div class="small muted">Attempts</div><table><tbody>${s.history.map(
      (h) => html`<tr><td class="num">#${h.attempt + 1}</td><td>${time(h.started_at)}</td><td>${duration(h.ended_at - h.started_at)}</td><td>${h.error ? html`<span class="error-text">${h.error.message}</span>` : html`<span class="badge ok">ok</span>`}</td></tr>`,
    )}</tbody></table></div>`);
  }
  lines.push(html`<div class="muted small mono">step id ${s.id}</div>`);
  return html`<div class="step-detail">${lines}</div>`;
}

function pending(run: Detail): Html {
  const jobs = run.pending.jobs.filter((j) => j.kind !== "discover" || !isTerminal(run.status));
  if (isTerminal(run.status) || !jobs.length) return html``;
  return html`<h2>Scheduled <span class="muted small">${jobs.length}</span></h2><div class="panel"><table><tbody>${jobs.map(
    (j) => html`<tr><td class="mono small">${j.kind}</td><td class="mono small">${j.step_id ? shortId(j.step_id) : ""}</td><td>${j.in_flight ? html`<span class="badge info">in flight</span>` : j.blocked_on ? html`<span class="badge wait">waiting for a concurrency slot</span>` : html`due ${time(j.run_at)}`}</td><td class="small muted">attempt ${j.attempt + 1}</td></tr>`,
  )}</tbody></table></div>`;
}
