/** GET /api/files/[...key]: a path that is not valid percent-encoding is a 400 problem, never a 500. */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/files/[...key]/route";
import proxy from "@/proxy";

function get(rawPath: string, key: string[]) {
  return GET(new Request(`http://localhost/api/files/${rawPath}`), { params: Promise.resolve({ key }) });
}

describe("GET /api/files/[...key]", () => {
  // Next hands the route decoded segments; the handler must survive either form.
  it.each([
    ["user_abc/chat/%25", ["user_abc", "chat", "%"]],
    ["user_abc/chat/%25", ["user_abc", "chat", "%25"]],
    ["user_abc/chat/%E0%A4%A", ["user_abc", "chat", "%E0%A4%A"]],
    ["user_abc/chat/%E0%A4%A", ["user_abc", "chat", "\u0924%A"]],
    ["%zz", ["%zz"]],
  ])("answers 400 problem+json for /api/files/%s", async (rawPath, key) => {
    const res = await get(rawPath, key);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 400, title: "Bad Request", detail: "Invalid file key." });
  });

  it("refuses traversal and unsigned links without touching the disk", async () => {
    expect((await get("user_abc/%2e%2e/x", ["user_abc", "..", "x"])).status).toBe(400);
    const unsigned = await get("user_abc/chat/file.txt", ["user_abc", "chat", "file.txt"]);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("content-type")).toBe("application/problem+json");
  });
});

// Next cannot match an undecodable path to a dynamic route (a bare 500 before any handler runs),
// so the proxy, which runs first, answers 400.
describe("the proxy in front of every route", () => {
  const event = undefined as never;
  it.each(["/api/files/user_abc/chat/%E0%A4%A", "/api/trpc/%E0%A4%A", "/api/chat/%zz", "/models/%"])("answers 400 problem+json for %s", async (path) => {
    const res = await proxy(new NextRequest(`http://localhost${path}`), event);
    expect(res?.status).toBe(400);
    expect(res?.headers.get("content-type")).toBe("application/problem+json");
  });

  it("passes a well-encoded API path on", async () => {
    const res = await proxy(new NextRequest("http://localhost/api/files/user_abc/chat/%25"), event);
    expect(res?.status).toBe(200);
    expect(res?.headers.get("x-middleware-next")).toBe("1");
  });
});
