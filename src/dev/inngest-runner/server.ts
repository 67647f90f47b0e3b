// The runner's HTTP surface, at the address the SDK knows as INNGEST_DEV (dev mode) or
// INNGEST_BASE_URL (signed mode, where the event key and the SDK's bearer token are checked):
//   POST /e/:key        event intake (the SDK's inngest.send and step.sendEvent)
//   POST /fn/register   sync (the SDK answers our PUT with its function list)
//   /api/...            JSON for the dashboard and tests
//   /, /runs/:id, /events, /functions   the dashboard pages
// Every other state-changing request passes request-guard.ts first (same-origin; in signed mode
// also the runner's own pages or the event key).
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import * as api from "./api";
import type { Core } from "./core";
import { renderPage } from "./dashboard/pages";
import { bearerMatches, eventKeyMatches } from "./signing";
import { HttpError, readForm, readJson, redirect, sendHtml, sendJson } from "./http";
import { invokeFunction, parseInvokePayload, parseInvokeText } from "./invoke";
import { guardRequest } from "./request-guard";
import type { AppSyncer, RegisterBody } from "./sync";
import { registerApp } from "./sync";
import type { InngestEvent } from "./types";

export interface ServerOptions {
  /** The interface the runner listens on: a host name the dashboard may be reached by. */
  listenHost: string;
}

export function createServer(core: Core, syncer: AppSyncer, opts: ServerOptions) {
  return createHttpServer((req, res) => {
    handle(core, syncer, opts, req, res).catch((err) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) core.log.error(`${req.method} ${req.url}: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) sendJson(res, status, { error: (err as Error).message, status });
      else res.end();
    });
  });
}

async function handle(core: Core, syncer: AppSyncer, opts: ServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://runner");
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const method = req.method ?? "GET";
  const verdict = guardRequest({ method, path, headers: req.headers, listenHost: opts.listenHost, eventKeys: core.signing?.eventKeys ?? null });
  if (!verdict.ok) {
    core.log.warn(`${method} ${path} refused (${verdict.status}): ${verdict.message}`);
    return sendJson(res, verdict.status, { error: verdict.message, status: verdict.status });
  }
  const param = (name: string) => url.searchParams.get(name) ?? undefined;
  let m: RegExpMatchArray | null;

  // --- the SDK's side of the protocol (keys required in signed mode, as Inngest requires them) ---
  if (method === "POST" && (m = path.match(/^\/e\/([^/]+)$/))) {
    if (core.signing && !eventKeyMatches(core.signing.eventKeys, decodeURIComponent(m[1] ?? ""))) {
      return sendJson(res, 401, { error: "Event key not found", status: 401 });
    }
    const body = await readJson(req);
    const events = (Array.isArray(body) ? body : [body]) as Array<Partial<InngestEvent>>;
    try {
      const ids = await api.sendEvents(core, events, "api");
      return sendJson(res, 200, { ids, status: 200 });
    } catch (err) {
      return sendJson(res, 400, { error: (err as Error).message, status: 400 });
    }
  }
  if (core.signing && /^\/(fn|v0|v1)\//.test(path) && !bearerMatches(core.signing.signingKey, req.headers.authorization)) {
    return sendJson(res, 401, { error: "Unauthorized: the app's signing key is not the runner's (or the app is in dev mode)", status: 401 });
  }
  if (method === "POST" && path === "/fn/register") {
    const body = (await readJson(req)) as RegisterBody;
    const result = await registerApp(core, body);
    return sendJson(res, 200, { ok: true, modified: result.modified });
  }
  if (path.startsWith("/v1/traces")) return sendJson(res, 200, {}); // SDK telemetry: accepted, ignored

  // --- JSON API ---
  if (method === "GET" && path === "/health") return sendJson(res, 200, { ok: true });
  if (method === "GET" && path === "/api/runs") {
    return sendJson(res, 200, {
      runs: await api.listRuns(core, {
        status: param("status"),
        function: param("function"),
        event: param("event"),
        limit: param("limit") ? Number(param("limit")) : undefined,
        before: param("before"),
      }),
    });
  }
  if (method === "GET" && (m = path.match(/^\/api\/runs\/([^/]+)$/))) {
    const run = await api.getRunDetail(core, decodeURIComponent(m[1]!));
    return run ? sendJson(res, 200, run) : sendJson(res, 404, { error: "run not found" });
  }
  if (method === "POST" && (m = path.match(/^\/api\/runs\/([^/]+)\/cancel$/))) {
    return sendJson(res, 200, { cancelled: await api.cancelRun(core, decodeURIComponent(m[1]!)) });
  }
  if (method === "GET" && path === "/api/events") {
    return sendJson(res, 200, {
      events: await api.listEvents(core, {
        limit: param("limit") ? Number(param("limit")) : undefined,
        name: param("name"),
        before: param("before") ? Number(param("before")) : undefined,
        hideFinished: param("internal") === "0",
      }),
    });
  }
  if (method === "POST" && path === "/api/events") {
    const body = await readJson(req);
    const ids = await api.sendEvents(core, (Array.isArray(body) ? body : [body]) as Array<Partial<InngestEvent>>, "dashboard");
    return sendJson(res, 200, { ids, status: 200 });
  }
  if (method === "POST" && (m = path.match(/^\/api\/events\/([^/]+)\/replay$/))) {
    const id = await api.replayEvent(core, decodeURIComponent(m[1]!));
    return id ? sendJson(res, 200, { id }) : sendJson(res, 404, { error: "event not found" });
  }
  if (method === "GET" && path === "/api/functions") return sendJson(res, 200, await api.listFunctionsAndApps(core));
  if (method === "POST" && (m = path.match(/^\/api\/functions\/([^/]+)\/invoke$/))) {
    const parsed = parseInvokePayload((await readJson(req)) ?? {});
    if (!parsed.ok) throw new HttpError(400, parsed.error);
    const started = await invokeFunction(core, decodeURIComponent(m[1] ?? ""), parsed.payload);
    if (!started) throw new HttpError(404, "function not found");
    return sendJson(res, 200, { run_id: started.runId, event_id: started.eventId });
  }
  if (method === "POST" && path === "/api/apps") {
    const body = (await readJson(req)) as { url?: string };
    if (!body?.url) throw new HttpError(400, "url is required");
    syncer.add(body.url);
    return sendJson(res, 200, { synced: await syncer.syncNow(body.url) });
  }

  // --- dashboard form posts (work without JavaScript) ---
  if (method === "POST" && (m = path.match(/^\/runs\/([^/]+)\/cancel$/))) {
    await api.cancelRun(core, decodeURIComponent(m[1]!));
    return redirect(res, `/runs/${m[1]}`);
  }
  if (method === "POST" && (m = path.match(/^\/events\/([^/]+)\/replay$/))) {
    await api.replayEvent(core, decodeURIComponent(m[1]!));
    return redirect(res, "/");
  }
  if (method === "POST" && path === "/events/send") {
    const form = await readForm(req);
    let data: unknown = {};
    const name = (form.get("name") ?? "").trim();
    try {
      data = JSON.parse(form.get("data") || "{}");
    } catch {
      return redirect(res, `/events?error=${encodeURIComponent("Data is not valid JSON")}&name=${encodeURIComponent(name)}`);
    }
    if (!name) return redirect(res, `/events?error=${encodeURIComponent("An event needs a name")}`);
    await api.sendEvents(core, [{ name, data: data as Record<string, unknown> }], "dashboard");
    return redirect(res, "/");
  }
  if (method === "POST" && (m = path.match(/^\/functions\/([^/]+)\/invoke$/))) {
    const fnId = decodeURIComponent(m[1] ?? "");
    const parsed = parseInvokeText((await readForm(req)).get("payload") ?? "");
    const started = parsed.ok ? await invokeFunction(core, fnId, parsed.payload) : null;
    if (started) return redirect(res, `/runs/${started.runId}`);
    const error = parsed.ok ? `No function "${fnId}"` : parsed.error;
    return redirect(res, `/functions?error=${encodeURIComponent(error)}&invoke=${encodeURIComponent(fnId)}`);
  }
  if (method === "POST" && path === "/apps/sync") {
    const form = await readForm(req);
    const appUrl = (form.get("url") ?? "").trim();
    if (appUrl) {
      syncer.add(appUrl);
      await syncer.syncNow(appUrl);
    }
    return redirect(res, "/functions");
  }

  if (method === "GET") {
    const page = await renderPage(core, path, url.searchParams);
    if (page) return sendHtml(res, page.status, page.html);
  }
  throw new HttpError(404, `No route for ${method} ${path}`);
}
