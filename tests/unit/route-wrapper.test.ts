/** route(): one log line per request, the request id on every response, and 500s that leak nothing. */
import { redirect } from "next/navigation";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/server/log";
import { currentRequest, noteUserId, route } from "@/server/http/route";

type Line = Record<string, unknown>;
let lines: Line[];

// requestLogger() is logger.child({ requestId }): give each child a real pino that writes to memory.
beforeEach(() => {
  lines = [];
  const memory = pino({ level: "info", formatters: { level: (label) => ({ level: label }) } }, {
    write: (s: string) => lines.push(JSON.parse(s)),
  });
  vi.spyOn(logger, "child").mockImplementation((bindings) => memory.child(bindings));
});
afterEach(() => vi.restoreAllMocks());

const req = (headers: Record<string, string> = {}) => new Request("http://localhost/api/thing?secret=1", { method: "POST", headers });

describe("route()", () => {
  it("logs one line with method, path (no query), status, duration and request id, and sets x-request-id", async () => {
    const handler = route(async () => Response.json({ ok: true }, { status: 201 }));
    const res = await handler(req({ "x-request-id": "abc-request-0001" }));
    expect(res.status).toBe(201);
    expect(res.headers.get("x-request-id")).toBe("abc-request-0001");
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ level: "info", requestId: "abc-request-0001", method: "POST", path: "/api/thing", status: 201 });
    expect(line?.durationMs).toEqual(expect.any(Number));
    expect(line).not.toHaveProperty("userId");
  });

  it("logs the user id the handler reports, and gives the handler the same request id", async () => {
    let seen: string | undefined;
    const handler = route(async (r: Request) => {
      noteUserId("user_123");
      seen = currentRequest()?.requestId;
      return new Response(r.headers.get("x-request-id"));
    });
    const res = await handler(req());
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toBe(id);
    expect(await res.text()).toBe(id);
    expect(lines[0]).toMatchObject({ userId: "user_123", requestId: id });
  });

  it("turns an unexpected error into a generic 500 problem; the stack goes to the log only", async () => {
    const handler = route(async () => {
      throw new Error("relation \"users\" does not exist: select * from users at /work/app/src/x.ts");
    });
    const res = await handler(req({ "x-request-id": "trace-me-please" }));
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-request-id")).toBe("trace-me-please");
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: "Internal Server Error", trace_id: "trace-me-please", instance: "/api/thing" });
    expect(text).not.toMatch(/select|users|\/work\/|\/src\/|\bat /);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", status: 500, method: "POST", requestId: "trace-me-please" });
    expect(lines[0]?.err).toMatchObject({ type: "Error", message: expect.stringContaining("select"), stack: expect.stringMatching(/\n\s+at /) });
  });

  it("logs 5xx answers at error level", async () => {
    await route(async () => new Response(null, { status: 503 }))(req());
    expect(lines[0]?.level).toBe("error");
  });

  it("copies responses whose headers are immutable", async () => {
    const res = await route(async () => Response.redirect("http://localhost/next", 303))(req({ "x-request-id": "redirect-id-01" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost/next");
    expect(res.headers.get("x-request-id")).toBe("redirect-id-01");
  });

  it("lets Next's own control flow (redirect(), notFound()) through", async () => {
    const handler = route(async () => redirect("/elsewhere"));
    await expect(handler(req())).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("route() options", () => {
  it("can log successful answers at debug level (a poll), but never a failure", async () => {
    const quiet = route(async (r: Request) => new Response(null, { status: r.method === "PUT" ? 200 : 500 }), { level: "debug" });
    // The captured logger runs at info, like production.
    await quiet(new Request("http://localhost/api/poll", { method: "PUT" }));
    expect(lines).toHaveLength(0);
    await quiet(new Request("http://localhost/api/poll", { method: "POST" }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", status: 500 });
  });
});
