import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DELETE, GET } from "@/app/api/chat/attachments/[id]/route";
import { POST } from "@/app/api/chat/attachments/route";
import { setStorageForTesting } from "@/server/storage";
import { localStorage } from "@/server/storage/local";
import { afterAll, beforeAll } from "vitest";
import type { TestUser } from "./helpers";

/** A 1×1 PNG. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

export interface Uploaded {
  id: string;
  url: string;
  mediaType: string;
  filename: string;
  size: number;
  kind: "image" | "text";
}

/** POST /api/chat/attachments as the composer sends it: the raw file, its name in ?name=. */
export function uploadRequest(
  name: string | null,
  body: BodyInit | null,
  opts: { cookie?: string; type?: string; headers?: Record<string, string> } = {},
): Request {
  const query = name === null ? "" : `?name=${encodeURIComponent(name)}`;
  const stream = body instanceof ReadableStream;
  return new Request(`http://localhost/api/chat/attachments${query}`, {
    method: "POST",
    headers: { "content-type": opts.type ?? "text/plain", ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    body,
    ...(stream ? { duplex: "half" } : {}),
  } as RequestInit);
}

export function upload(user: TestUser | null, name: string | null, body: BodyInit | null, opts: { type?: string; headers?: Record<string, string> } = {}) {
  return POST(uploadRequest(name, body, { ...opts, cookie: user?.cookie }));
}

/** Uploads a file that must be accepted. */
export async function uploaded(user: TestUser, name: string, body: BodyInit, type = "text/plain"): Promise<Uploaded> {
  const res = await upload(user, name, body, { type });
  if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
  return (await res.json()) as Uploaded;
}

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

export function readAttachment(user: TestUser | null, id: string, query = "") {
  return GET(new Request(`http://localhost/api/chat/attachments/${id}${query}`, { headers: user ? { cookie: user.cookie } : {} }), ctx(id));
}

export function deleteAttachmentAs(user: TestUser | null, id: string) {
  return DELETE(new Request(`http://localhost/api/chat/attachments/${id}`, { method: "DELETE", headers: user ? { cookie: user.cookie } : {} }), ctx(id));
}

/** A file part naming an upload, as the composer puts it in a message. */
export function filePart(a: Pick<Uploaded, "url" | "mediaType" | "filename">) {
  return { type: "file" as const, url: a.url, mediaType: a.mediaType, filename: a.filename };
}

/** A local store in a fresh temporary folder, installed as the app's storage until disposed. */
export function useTempAttachmentStorage() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "radium-attachments-"));
  setStorageForTesting({ local: localStorage(root) });
  return {
    root,
    dispose() {
      setStorageForTesting(undefined);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** useTempAttachmentStorage for the enclosing describe block: installed before its tests, removed after. */
export function suiteAttachmentStorage() {
  let storage: ReturnType<typeof useTempAttachmentStorage> | undefined;
  beforeAll(() => {
    storage = useTempAttachmentStorage();
  });
  afterAll(() => storage?.dispose());
}

export async function problemOf(res: Response): Promise<{ code: string; detail: string }> {
  if (res.headers.get("content-type") !== "application/problem+json") throw new Error(`not a problem: ${res.status} ${res.headers.get("content-type")}`);
  return (await res.json()) as { code: string; detail: string };
}
