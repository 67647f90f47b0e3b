// Routes of the dashboard (server-rendered HTML; the JSON behind it is under /api).
import type { Core } from "../core";
import { eventsPage } from "./events";
import { functionsPage } from "./functions";
import { html, page } from "./html";
import { runPage } from "./run";
import { runsPage } from "./runs";

export async function renderPage(core: Core, path: string, params: URLSearchParams): Promise<{ status: number; html: string } | null> {
  if (path === "/" || path === "/runs") return { status: 200, html: await runsPage(core, params) };
  if (path === "/events") return { status: 200, html: await eventsPage(core, params) };
  if (path === "/functions" || path === "/apps") return { status: 200, html: await functionsPage(core, params) };
  const m = path.match(/^\/runs\/([^/]+)$/);
  if (m) {
    const out = await runPage(core, decodeURIComponent(m[1]!));
    if (out) return { status: 200, html: out };
    return {
      status: 404,
      html: page({ title: "Not found", nav: "runs", body: html`<div class="panel empty">No run with id <code>${m[1]}</code>. <a href="/">All runs</a></div>`, refreshMs: 0 }),
    };
  }
  return null;
}
