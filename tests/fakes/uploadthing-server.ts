/**
 * A local stand-in for uploadthing's three HTTP services, wire-faithful to what uploadthing 7.7's SDK
 * sends and expects (node_modules/uploadthing/dist/upload-builder-*.js, server/index.js, client/index.js,
 * @uploadthing/shared's crypto):
 *
 * - ingest (`ingestUrl`): `HEAD|PUT /<fileKey>?expires&x-ut-*&signature` presigned by the app with its
 *   API key (HMAC-SHA256 over the URL without the signature, `hmac-sha256=<hex>`, `expires` in ms); the
 *   PUT carries multipart form data with one `file`. `POST /route-metadata` registers a file route's
 *   upload (metadata, callback URL, slug); after the bytes arrive the callback is POSTed to the app with
 *   `uploadthing-hook: callback` and `x-uploadthing-signature` over the body (in dev mode the callback
 *   is streamed back as a JSON line on the route-metadata response instead), and the app answers on
 *   `POST /callback-result`, whose `callbackData` the PUT returns as `serverData`.
 * - API (`apiUrl`): `POST /v6/deleteFiles`, `/v6/listFiles` with `x-uploadthing-api-key`.
 * - ufs (`ufsHost`, path form `/a/<appId>/<key>`): `GET|HEAD` with `expires` and `signature`, signed the
 *   same way; private files need a valid, unexpired signature; a file is found by key or customId.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeFile {
  key: string;
  customId: string | null;
  name: string;
  size: number;
  type: string;
  acl: string;
  contentDisposition: string;
  bytes: Buffer;
  slug: string | null;
  uploadedAt: number;
}

interface Registration {
  fileKeys: string[];
  metadata: unknown;
  isDev: boolean;
  callbackUrl: string;
  callbackSlug: string;
  awaitServerData: boolean;
  /** The dev-mode stream: callbacks are written to it as JSON lines. */
  devStream?: http.ServerResponse;
  delivered: Set<string>;
}

export interface FakeRequest {
  method: string;
  path: string;
  status: number;
}

export interface FakeUploadthing {
  origin: string;
  appId: string;
  apiKey: string;
  /** base64 JSON `{ apiKey, appId, regions }`, as uploadthing issues it. */
  token: string;
  apiUrl: string;
  ingestUrl: string;
  ufsHost: string;
  /** Options that point UTApi here. */
  utapiOptions: { token: string; apiUrl: string; ingestUrl: string; ufsHost: string; ufsAppIdLocation: "path"; logLevel: "Error" };
  files: Map<string, FakeFile>;
  requests: FakeRequest[];
  /** What the app answered on /callback-result, per file key. */
  callbackResults: Map<string, unknown>;
  fileByCustomId(customId: string): FakeFile | undefined;
  /** Moves the fake's clock (what it checks link expiry against) by `ms` from real time. */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

function hmacHex(payload: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(payload).digest("hex");
}

export function signPayload(payload: string, apiKey: string): string {
  return `hmac-sha256=${hmacHex(payload, apiKey)}`;
}

/** Checks a presigned URL as uploadthing does: the signature is the last parameter, over all before it. */
function checkSignedUrl(absolute: string, apiKey: string, now: number): "ok" | "missing" | "invalid" | "expired" {
  const at = absolute.lastIndexOf("&signature=");
  if (at < 0) return "missing";
  const url = new URL(absolute);
  const given = url.searchParams.get("signature") ?? "";
  const expected = signPayload(absolute.slice(0, at), apiKey);
  if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return "invalid";
  const expires = Number(url.searchParams.get("expires"));
  if (!Number.isFinite(expires) || expires < now) return "expired";
  return "ok";
}

/** The `x-ut-*` values are encodeURIComponent'd by the SDK before being appended. */
function utParam(url: URL, name: string): string | null {
  const raw = url.searchParams.get(name);
  return raw === null ? null : decodeURIComponent(raw);
}

async function bodyText(req: http.IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startFakeUploadthing(opts: { appId?: string; apiKey?: string } = {}): Promise<FakeUploadthing> {
  const appId = opts.appId ?? "fakeapp123";
  const apiKey = opts.apiKey ?? `sk_live_${crypto.randomBytes(16).toString("hex")}`;
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  const files = new Map<string, FakeFile>();
  const registrations = new Map<string, Registration>();
  const callbackResults = new Map<string, unknown>();
  const waiters = new Map<string, (data: unknown) => void>();
  const requests: FakeRequest[] = [];
  let origin = "";

  const fileUrls = (key: string) => ({
    url: `${origin}/f/${key}`,
    appUrl: `${origin}/a/${appId}/${key}`,
    ufsUrl: `${origin}/a/${appId}/${key}`,
  });

  const findFile = (keyOrCustomId: string) =>
    files.get(keyOrCustomId) ?? [...files.values()].find((f) => f.customId !== null && f.customId === keyOrCustomId);

  const authorized = (req: http.IncomingMessage) => req.headers["x-uploadthing-api-key"] === apiKey;

  /** The callback the app receives once a file route's bytes are in (signed with the API key). */
  function callbackBody(file: FakeFile, reg: Registration): string {
    return JSON.stringify({
      status: "uploaded",
      metadata: reg.metadata,
      file: {
        name: file.name,
        size: file.size,
        type: file.type,
        lastModified: file.uploadedAt,
        customId: file.customId,
        key: file.key,
        ...fileUrls(file.key),
        fileHash: crypto.createHash("md5").update(file.bytes).digest("hex"),
      },
      origin: `${origin}/ingest`,
    });
  }

  async function deliverCallback(file: FakeFile, reg: Registration): Promise<void> {
    const payload = callbackBody(file, reg);
    const signature = signPayload(payload, apiKey);
    reg.delivered.add(file.key);
    if (reg.isDev && reg.devStream) {
      reg.devStream.write(`${JSON.stringify({ payload, signature, hook: "callback" })}\n`);
      if (reg.fileKeys.every((k) => reg.delivered.has(k))) reg.devStream.end();
      return;
    }
    // The SDK sends the route's slug apart from the URL (`callbackSlug`); uploadthing adds it back.
    const target = new URL(reg.callbackUrl);
    target.searchParams.set("slug", reg.callbackSlug);
    const res = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json", "uploadthing-hook": "callback", "x-uploadthing-signature": signature },
      body: payload,
    });
    await res.body?.cancel();
  }

  async function ingestPut(req: http.IncomingMessage, res: http.ServerResponse, key: string, url: URL): Promise<void> {
    const raw: Buffer[] = [];
    for await (const part of req) raw.push(part as Buffer);
    const request = new Request(url, { method: "PUT", headers: { "content-type": req.headers["content-type"] ?? "" }, body: Buffer.concat(raw) });
    const form = await request.formData().catch(() => null);
    const part = form?.get("file");
    if (!(part instanceof Blob)) return json(res, 400, { error: "Expected multipart form data with a file" });
    const bytes = Buffer.from(await part.arrayBuffer());
    const declared = Number(utParam(url, "x-ut-file-size"));
    if (bytes.byteLength !== declared) return json(res, 400, { error: `File size mismatch: got ${bytes.byteLength}, signed for ${declared}` });
    const file: FakeFile = {
      key,
      customId: utParam(url, "x-ut-custom-id"),
      name: utParam(url, "x-ut-file-name") ?? "file",
      size: bytes.byteLength,
      type: utParam(url, "x-ut-file-type") ?? "application/octet-stream",
      acl: utParam(url, "x-ut-acl") ?? "public-read",
      contentDisposition: utParam(url, "x-ut-content-disposition") ?? "inline",
      bytes,
      slug: utParam(url, "x-ut-slug"),
      uploadedAt: now(),
    };
    files.set(key, file);
    const reg = registrations.get(key);
    const urls = fileUrls(key);
    const fileHash = crypto.createHash("md5").update(bytes).digest("hex");
    if (!reg) return json(res, 200, { ...urls, fileHash });
    const answered = new Promise<unknown>((resolve) => waiters.set(key, resolve));
    await deliverCallback(file, reg);
    const serverData = reg.awaitServerData ? await Promise.race([answered, new Promise((r) => setTimeout(() => r(null), 10_000))]) : null;
    json(res, 200, { ...urls, fileHash, serverData });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const absolute = `${origin}${req.url ?? "/"}`;
    const path = url.pathname;

    // ── ingest ──
    if (path === "/ingest/route-metadata" && req.method === "POST") {
      if (!authorized(req)) return json(res, 401, { error: "Invalid API key" });
      const body = JSON.parse(await bodyText(req)) as Omit<Registration, "delivered" | "devStream">;
      const reg: Registration = { ...body, delivered: new Set() };
      for (const key of body.fileKeys) registrations.set(key, reg);
      if (!body.isDev) return json(res, 200, { ok: true });
      // Dev mode: the response stays open and carries the callbacks as JSON lines.
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      reg.devStream = res;
      return;
    }
    if (path === "/ingest/callback-result" && req.method === "POST") {
      if (!authorized(req)) return json(res, 401, { error: "Invalid API key" });
      const body = JSON.parse(await bodyText(req)) as { fileKey: string; callbackData?: unknown; error?: string };
      callbackResults.set(body.fileKey, body.error ? { error: body.error } : body.callbackData);
      waiters.get(body.fileKey)?.(body.callbackData ?? null);
      return json(res, 200, { ok: true });
    }
    if (path.startsWith("/ingest/") && (req.method === "PUT" || req.method === "HEAD")) {
      const key = decodeURIComponent(path.slice("/ingest/".length));
      const check = checkSignedUrl(absolute, apiKey, now());
      if (check !== "ok") return json(res, 403, { error: `Presigned URL ${check}` });
      if (utParam(url, "x-ut-identifier") !== appId) return json(res, 403, { error: "Wrong app" });
      if (req.method === "HEAD") {
        res.writeHead(200, { "x-ut-range-start": "0" });
        res.end();
        return;
      }
      return ingestPut(req, res, key, url);
    }

    // ── API ──
    if (path.startsWith("/api/v6/") && req.method === "POST") {
      if (!authorized(req)) return json(res, 401, { error: "Invalid API key" });
      const body = JSON.parse(await bodyText(req)) as { fileKeys?: string[]; customIds?: string[] };
      if (path === "/api/v6/deleteFiles") {
        const targets = [...(body.fileKeys ?? []), ...(body.customIds ?? [])].map(findFile).filter((f) => f !== undefined);
        for (const f of targets) files.delete(f.key);
        return json(res, 200, { success: true, deletedCount: targets.length });
      }
      if (path === "/api/v6/listFiles") {
        const list = [...files.values()].map((f) => ({
          id: f.key,
          customId: f.customId,
          key: f.key,
          name: f.name,
          size: f.size,
          status: "Uploaded",
          uploadedAt: f.uploadedAt,
        }));
        return json(res, 200, { hasMore: false, files: list });
      }
      return json(res, 404, { error: "Unknown API route" });
    }

    // ── ufs ──
    const ufs = path.match(/^\/a\/([^/]+)\/(.+)$/);
    if (ufs && (req.method === "GET" || req.method === "HEAD")) {
      const [, pathAppId, rawKey] = ufs;
      const file = pathAppId === appId ? findFile(decodeURIComponent(rawKey ?? "")) : undefined;
      if (!file) return json(res, 404, { error: "Not found" });
      if (file.acl === "private") {
        const check = checkSignedUrl(absolute, apiKey, now());
        if (check !== "ok") return json(res, 403, { error: `Signed URL ${check}` });
      }
      res.writeHead(200, {
        "content-type": file.type || "application/octet-stream",
        "content-length": String(file.size),
        "content-disposition": `${file.contentDisposition}; filename="${file.name}"`,
      });
      res.end(req.method === "HEAD" ? undefined : file.bytes);
      return;
    }
    json(res, 404, { error: `No route for ${req.method} ${path}` });
  }

  const server = http.createServer((req, res) => {
    res.on("finish", () => requests.push({ method: req.method ?? "", path: (req.url ?? "").split("?")[0] ?? "", status: res.statusCode }));
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { error: err instanceof Error ? err.message : String(err) });
      else res.end();
    });
  });
  // Both stacks: "localhost" may resolve to ::1 or 127.0.0.1.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://localhost:${port}`;
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["fake1"] })).toString("base64");
  const apiUrl = `${origin}/api`;
  const ingestUrl = `${origin}/ingest`;
  // uploadthing picks http for a ufs host containing "local".
  const ufsHost = `localhost:${port}`;
  return {
    origin,
    appId,
    apiKey,
    token,
    apiUrl,
    ingestUrl,
    ufsHost,
    utapiOptions: { token, apiUrl, ingestUrl, ufsHost, ufsAppIdLocation: "path", logLevel: "Error" },
    files,
    requests,
    callbackResults,
    fileByCustomId: (customId) => [...files.values()].find((f) => f.customId === customId),
    setClockOffset: (ms) => {
      clockOffset = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
