/**
 * /_next/static on the server's fast path, in production: content-hashed, immutable files, sent as
 * the Brotli or gzip copies `npm run build` wrote beside them (scripts/precompress-static.mjs) by
 * sirv. Next would compress each script again on every request: about 100 ms of CPU for the largest
 * one, on every first visit. A file without its compressed copies (a build made with plain
 * `next build`), asked for by a client that accepts compression, is left to Next as before.
 */
import "server-only";
import fs from "node:fs";
import path from "node:path";
import sirv from "sirv";
import type { NodeRoute } from "./fast-path";
import { staticSecurityHeaders } from "./security-headers";

const PREFIX = "/_next/static/";
/** What scripts/precompress-static.mjs compresses (the rest, fonts and images, is sent as it is). */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|html|map)$/;

interface StaticFiles {
  handler: ReturnType<typeof sirv> | null;
  /** Paths under /_next/static (leading slash) to send to any client: compressed copies or nothing to compress. */
  ready: Set<string>;
  /** Every path (for clients that take no compression). */
  all: Set<string>;
}

function listFiles(root: string): string[] {
  try {
    return fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => `/${path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join("/")}`);
  } catch {
    return []; // no build here: Next answers
  }
}

/** The files under `root`, read once (a build's static files never change under a running server). */
function loadStaticFiles(root: string): StaticFiles {
  const all = new Set(listFiles(root));
  if (all.size === 0) return { handler: null, ready: all, all };
  const ready = new Set([...all].filter((f) => !COMPRESSIBLE.test(f) || (all.has(`${f}.br`) && all.has(`${f}.gz`))));
  const security = staticSecurityHeaders(true);
  const handler = sirv(root, {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    maxAge: 31_536_000,
    immutable: true,
    setHeaders: (res) => {
      for (const [name, value] of security) res.setHeader(name, value);
    },
  });
  return { handler, ready, all };
}

const wantsCompression = (accept: string | string[] | undefined) => /\b(?:br|gzip)\b/.test(String(accept ?? ""));

/** Serves `root` (default: this build's .next/static) at /_next/static/. */
export function staticRoute(root = path.join(process.cwd(), ".next", "static")): NodeRoute<string> {
  let files: StaticFiles | null = null;
  const staticFiles = () => (files ??= loadStaticFiles(root));
  return {
    name: "static",
    match(method, url, req) {
      if ((method !== "GET" && method !== "HEAD") || !url?.startsWith(PREFIX)) return null;
      const q = url.indexOf("?");
      const file = (q < 0 ? url : url.slice(0, q)).slice(PREFIX.length - 1);
      if (file.includes("..") || file.includes("%")) return null;
      const { handler, ready, all } = staticFiles();
      if (!handler) return null;
      return ready.has(file) || (all.has(file) && !wantsCompression(req.headers["accept-encoding"])) ? file : null;
    },
    async serve(req, res, file, _gone, pass) {
      const original = req.url;
      const { handler } = staticFiles();
      if (!handler) return pass();
      req.url = file;
      handler(req, res, () => {
        req.url = original;
        pass();
      });
    },
  };
}
