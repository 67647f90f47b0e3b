import { describe, expect, it } from "vitest";
import { MAX_BATCH_CALLS, refusalOf } from "@/server/api/http-guard";

const ORIGIN = "http://localhost:3000";
const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  ({ method: init.method ?? "GET", url: `${ORIGIN}/api/trpc/${path}`, headers: new Headers(init.headers) }) satisfies Pick<Request, "method" | "url" | "headers">;
const json = { "content-type": "application/json", origin: ORIGIN };

describe("refusalOf", () => {
  it("lets the app's own calls through", () => {
    expect(refusalOf(req("models.list"))).toBeNull();
    expect(refusalOf(req("chats.rename", { method: "POST", headers: json }))).toBeNull();
    expect(refusalOf(req("chats.rename", { method: "POST", headers: { ...json, "content-type": "Application/JSON; charset=utf-8" } }))).toBeNull();
    // No Origin and no Sec-Fetch-Site: not a browser, so not a CSRF vector.
    expect(refusalOf(req("chats.rename", { method: "POST", headers: { "content-type": "application/json" } }))).toBeNull();
  });

  it("refuses a path that is not valid percent-encoding", () => {
    for (const path of ["%E0%A4%A", "%zz", "models.list%"]) expect(refusalOf(req(path))?.code).toBe("BAD_REQUEST");
  });

  it("refuses cross-site state-changing requests before looking at the body", () => {
    const foreign: Array<Record<string, string>> = [{ origin: "https://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }];
    for (const headers of foreign) {
      expect(refusalOf(req("chats.deleteAll", { method: "POST", headers: { "content-type": "application/json", ...headers } }))).toEqual({
        code: "FORBIDDEN",
        message: "Cross-site requests are not allowed.",
      });
    }
    // Reading is not a state change; CORS keeps the answer from a foreign page.
    expect(refusalOf(req("models.list", { headers: { origin: "https://evil.example" } }))).toBeNull();
  });

  it("refuses POSTs that are not application/json", () => {
    for (const type of ["multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream", "application/jsonp"]) {
      expect(refusalOf(req("chats.deleteAll", { method: "POST", headers: { origin: ORIGIN, "content-type": type } }))?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(refusalOf(req("chats.deleteAll", { method: "POST", headers: { origin: ORIGIN } }))?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("caps a batch at MAX_BATCH_CALLS calls, counted from the path", () => {
    const batch = (n: number) => `${Array.from({ length: n }, () => "models.list").join(",")}?batch=1`;
    expect(refusalOf(req(batch(MAX_BATCH_CALLS)))).toBeNull();
    expect(refusalOf(req(batch(MAX_BATCH_CALLS + 1)))).toEqual({ code: "BAD_REQUEST", message: "A batch can hold at most 25 calls; this one has 26." });
    // Commas percent-encoded in the path are still separate calls to tRPC.
    expect(refusalOf(req(`${Array.from({ length: 30 }, () => "a").join("%2C")}?batch=1`))?.code).toBe("BAD_REQUEST");
    // Without batch=1 the path is one procedure name, whatever it holds.
    expect(refusalOf(req(Array.from({ length: 30 }, () => "a").join(",")))).toBeNull();
  });
});
