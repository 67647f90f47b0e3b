/**
 * Acceptance: malformed input to EVERY route handler under src/app/api (found on disk, so a new
 * route is covered the day it is added) never answers with a stack trace, SQL text or a file
 * path, and never with a 5xx (except /api/inngest, whose protocol uses 500 for "retry").
 */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { settleChatWork } from "@/server/chat/respond";
import { openTestDatabase, type TestDatabase } from "../helpers/db";
import { newUser, useTestConnection, type TestUser } from "../chat/helpers";

process.env.OFFLINE_MODEL_DELAY_MS = "0";

const API_DIR = path.resolve(import.meta.dirname, "../../src/app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Every route.ts under src/app/api, as its URL pattern (e.g. /api/files/[...key]). */
function routeFiles(dir = API_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}
const ROUTES = routeFiles().map((file) => ({ file, pattern: `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}` }));

/** A concrete URL path for a pattern, and the params Next would pass for it. */
function concrete(pattern: string, override?: string[]) {
  const params: Record<string, string | string[]> = {};
  const segments = pattern.split("/").flatMap((seg) => {
    const catchAll = seg.match(/^\[\.\.\.(\w+)\]$/);
    if (catchAll?.[1]) {
      const parts = override ?? ["a", "b.txt"];
      params[catchAll[1]] = parts;
      return parts;
    }
    const dynamic = seg.match(/^\[(\w+)\]$/);
    if (dynamic?.[1]) {
      const part = override?.[0] ?? "models.list";
      params[dynamic[1]] = part;
      return [part];
    }
    return [seg];
  });
  return { urlPath: segments.join("/"), params };
}

const STACK = /\n\s+at \S|\bat \S+ \(.+:\d+:\d+\)/;
const SQL = /\bselect\b[^"]{0,200}\bfrom\s+"?\w|\binsert into\b|\bdelete from\b|\bupdate\s+"?\w+"?\s+set\b|Failed query|syntax error at or near|invalid byte sequence|violates \w+ key constraint/i;
const FILE_PATH = /\/work\/|\/src\/|node_modules/;

interface Case {
  name: string;
  /** Replaces the dynamic part of the URL (raw, as it would arrive). */
  pathParts?: string[];
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  signedIn?: boolean;
}

const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
const GENERIC: Case[] = [
  { name: "malformed session cookie", headers: { cookie: "radium_session=%zz" } },
  { name: "cookie header of junk", headers: { cookie: "=;;%;radium_session;=%E0%A4%A" } },
  { name: "NUL bytes in the query", query: "?input=%00%00&q=%00" },
  { name: "broken percent-encoding in the query", query: "?input=%E0%A4%A&x=%zz" },
  { name: "JSON body that does not parse", body: "{not json", headers: { "content-type": "application/json" } },
  { name: "JSON with NUL and a lone surrogate", body: JSON.stringify({ a: "\u0000", b: "\ud800", json: { q: "\u0000" } }), headers: { "content-type": "application/json" } },
  { name: "huge JSON body (3 MB)", body: JSON.stringify({ text: "x".repeat(3_000_000) }), headers: { "content-type": "application/json" } },
  { name: "deeply nested JSON", body: deep(5000), headers: { "content-type": "application/json" } },
  { name: "JSON of the wrong kinds", body: '["__proto__", null, 1e999, {"constructor": {"prototype": 1}}]', headers: { "content-type": "application/json" } },
  { name: "text/plain body", body: "hello\u0000world", headers: { "content-type": "text/plain" } },
  { name: "multipart garbage", body: "--x\r\nContent-Disposition: form-data\r\n\r\n\u0000", headers: { "content-type": "multipart/form-data; boundary=x" } },
];
// Wrong methods: Next itself answers 405 for a method a route module does not export, so the
// cases that matter are the ones a handler sees: tRPC queries sent as POST and mutations as GET.

/** Cases aimed at one route's own inputs. */
const SPECIFIC: Record<string, Array<Case & { exportName: string }>> = {
  "/api/files/[...key]": [
    { name: "%25 in the key", exportName: "GET", pathParts: ["u", "%25"] },
    { name: "truncated UTF-8 in the key", exportName: "GET", pathParts: ["u", "%E0%A4%A"] },
    { name: "NUL in the key", exportName: "GET", pathParts: ["u", "%00.txt"] },
    { name: "dot segments", exportName: "GET", pathParts: ["..", "..", "etc", "passwd"] },
  ],
  "/api/trpc/[trpc]": [
    { name: "truncated UTF-8 as the procedure path", exportName: "GET", pathParts: ["%E0%A4%A"] },
    {
      name: "NUL in a text input (signed in)",
      exportName: "GET",
      pathParts: ["models.byId"],
      query: `?input=${encodeURIComponent(JSON.stringify({ json: { id: "a\u0000b" } }))}`,
      signedIn: true,
    },
    { name: "mutation called with GET (signed in)", exportName: "GET", pathParts: ["chats.delete"], signedIn: true },
    { name: "query called with POST (signed in)", exportName: "POST", pathParts: ["models.list"], body: "{}", headers: { "content-type": "application/json" }, signedIn: true },
    { name: "batch of unknown procedures", exportName: "GET", pathParts: ["x.y,a.b"], query: "?batch=1&input=%7B%7D" },
  ],
  "/api/chat": [
    {
      name: "NUL in the message text (signed in)",
      exportName: "POST",
      signedIn: true,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id: crypto.randomUUID(),
        trigger: "submit-message",
        model: OFFLINE_MODEL_ID,
        message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: "hi\u0000there" }] },
      }),
    },
    { name: "odd JSON (signed in)", exportName: "POST", signedIn: true, body: deep(5000), headers: { "content-type": "application/json" } },
  ],
  "/api/auth/local/sign-in": [
    { name: "NUL in a short name (reaches the database unless refused)", exportName: "POST", body: new URLSearchParams({ name: "Ada\u0000", email: "nul@example.com" }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } },
    { name: "NUL and huge fields in the form", exportName: "POST", body: new URLSearchParams({ name: "a\u0000".repeat(5000), email: "x\u0000@e.com", redirect_url: "/\u0000" }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } },
  ],
  "/api/inngest": [
    { name: "unknown function", exportName: "POST", query: "?fnId=radium-nope&stepId=step", body: JSON.stringify({ event: { name: "x", data: {} }, ctx: { run_id: "r" } }) },
    { name: "body without an event", exportName: "POST", query: "?fnId=radium-ping&stepId=step", body: "{}" },
    { name: "sync with a bad body", exportName: "PUT", body: "{bad" },
  ],
};

// /api/inngest answers 500 by protocol (a retriable error, an unknown function); bodies must still be clean.
const MAY_ANSWER_5XX = new Set(["/api/inngest"]);

describe("malformed input to every API route", () => {
  let tdb: TestDatabase;
  let release: () => void;
  let user: TestUser;
  // A dynamic import of a computed path is untyped; route modules export handlers by method name.
  const modules = new Map<string, Record<string, Handler | undefined>>();

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "malformed-inputs-secret";
    tdb = await openTestDatabase("pglite");
    release = useTestConnection(tdb);
    user = await newUser(tdb.db, "Malformed Tester");
    for (const r of ROUTES) modules.set(r.pattern, await import(r.file));
  });
  afterAll(async () => {
    await settleChatWork();
    release?.();
    await tdb?.dispose();
  });

  it("finds the route handlers", () => {
    expect(ROUTES.map((r) => r.pattern)).toEqual(
      expect.arrayContaining(["/api/chat", "/api/health", "/api/inngest", "/api/trpc/[trpc]", "/api/files/[...key]", "/api/webhooks/clerk"]),
    );
  });

  async function send(pattern: string, exportName: string, c: Case) {
    const handler = modules.get(pattern)?.[exportName];
    expect(typeof handler, `${pattern} exports ${exportName}`).toBe("function");
    const { urlPath, params } = concrete(pattern, c.pathParts);
    const method = exportName;
    const headers = new Headers(c.headers);
    if (c.signedIn) headers.set("cookie", user.cookie);
    const hasBody = c.body !== undefined && method !== "GET" && method !== "HEAD";
    // Next hands route handlers a NextRequest.
    const req = new NextRequest(`http://localhost${urlPath}${c.query ?? ""}`, { method, headers, body: hasBody ? c.body : undefined });
    if (!handler) throw new Error(`${pattern} has no ${exportName}`);
    const res = await handler(req, { params: Promise.resolve(params) });
    const text = await res.text();
    return { status: res.status, text };
  }

  function expectClean(pattern: string, { status, text }: { status: number; text: string }) {
    const excerpt = text.slice(0, 300);
    expect(text, `stack trace in: ${excerpt}`).not.toMatch(STACK);
    expect(text, `SQL in: ${excerpt}`).not.toMatch(SQL);
    expect(text, `file path in: ${excerpt}`).not.toMatch(FILE_PATH);
    if (!MAY_ANSWER_5XX.has(pattern)) expect(status, `status for: ${excerpt}`).toBeLessThan(500);
  }

  for (const route of ROUTES) {
    describe(route.pattern, () => {
      const exportsOf = () => METHODS.filter((m) => typeof modules.get(route.pattern)?.[m] === "function");
      for (const c of GENERIC) {
        it(c.name, async () => {
          const methods = exportsOf();
          expect(methods.length).toBeGreaterThan(0);
          for (const m of methods) expectClean(route.pattern, await send(route.pattern, m, c));
        });
      }
      for (const c of SPECIFIC[route.pattern] ?? []) {
        it(c.name, async () => {
          expectClean(route.pattern, await send(route.pattern, c.exportName, c));
        });
      }
    });
  }
});
