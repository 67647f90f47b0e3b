/**
 * /_next/static on the server's fast path: the copies scripts/precompress-static.mjs writes are
 * sent by encoding, with immutable caching, ETags and the security headers; what has no copies
 * (and a client wants compressed), or is not a file of the build, goes on to Next (418 here).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wrapServer } from "@/server/http/fast-path";
import { staticRoute } from "@/server/http/static-route";

let dir: string;
let server: http.Server;
let origin: string;
const script = `console.log(${JSON.stringify("radium ".repeat(600))});\n`;

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${url}`, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-static-"));
  fs.mkdirSync(path.join(dir, "chunks"));
  fs.mkdirSync(path.join(dir, "media"));
  fs.writeFileSync(path.join(dir, "chunks", "app.js"), script);
  fs.writeFileSync(path.join(dir, "chunks", "tiny.js"), "1;");
  fs.writeFileSync(path.join(dir, "media", "font.woff2"), Buffer.from([0, 1, 2, 3]));
  const r = spawnSync(process.execPath, ["scripts/precompress-static.mjs", dir], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  server = http.createServer((_req, res) => res.writeHead(418).end("next"));
  wrapServer(server, [staticRoute(dir)]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("static files on the fast path", () => {
  it("sends the Brotli copy, the gzip copy or the file itself by what the client accepts", async () => {
    const br = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br" });
    expect([br.status, br.headers["content-encoding"]]).toEqual([200, "br"]);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.headers["cache-control"]).toBe("public,max-age=31536000,immutable");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    const gz = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get("/_next/static/chunks/app.js?v=1");
    expect([plain.status, plain.headers["content-encoding"], plain.body.toString()]).toEqual([200, undefined, script]);
  });

  it("answers 304 to a matching ETag", async () => {
    const first = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" });
    const again = await get("/_next/static/chunks/app.js", { "accept-encoding": "br", "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  it("sends files with nothing to compress as they are", async () => {
    const font = await get("/_next/static/media/font.woff2", { "accept-encoding": "br" });
    expect([font.status, font.headers["content-encoding"], [...font.body]]).toEqual([200, undefined, [0, 1, 2, 3]]);
  });

  it("leaves to Next what has no compressed copies, what is not a file of the build, and other paths", async () => {
    for (const url of ["/_next/static/chunks/tiny.js", "/_next/static/chunks/missing.js", "/_next/static/../package.json", "/_next/image?url=x", "/"]) {
      const res = await get(url, { "accept-encoding": "br" });
      expect([url, res.status, res.body.toString()]).toEqual([url, 418, "next"]);
    }
    // A client that takes no compression gets the small file from here.
    expect((await get("/_next/static/chunks/tiny.js")).body.toString()).toBe("1;");
  });
});
