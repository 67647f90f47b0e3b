"use client";

import type { FileUIPart } from "ai";

/** What /api/chat/attachments answers for a stored file. */
export interface UploadedAttachment {
  id: string;
  url: string;
  mediaType: string;
  filename: string;
  size: number;
}

/** The server's own sentence for a refused upload (problem+json `detail`), else the status. */
function refusal(xhr: XMLHttpRequest): string {
  try {
    const body: unknown = JSON.parse(xhr.responseText);
    if (body && typeof body === "object" && "detail" in body && typeof body.detail === "string" && body.detail) return body.detail;
  } catch {}
  return `The upload was refused (HTTP ${xhr.status}${xhr.statusText ? ` ${xhr.statusText}` : ""}).`;
}

/** POSTs one file through XHR (fetch reports no upload progress); `onProgress` gets the share sent, 0..1. */
export function uploadAttachment(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/chat/attachments?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener("load", () => {
      if (xhr.status !== 201) return reject(new Error(refusal(xhr)));
      try {
        resolve(JSON.parse(xhr.responseText) as UploadedAttachment);
      } catch {
        reject(new Error("The upload's answer could not be read."));
      }
    });
    xhr.addEventListener("error", () => reject(new Error(`"${file.name}" could not be uploaded: the connection was lost.`)));
    xhr.addEventListener("abort", () => reject(new DOMException("Upload cancelled", "AbortError")));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Asks the server to forget an upload taken off the message before sending (best effort: an orphan costs only storage). */
export function discardAttachment(id: string): void {
  void fetch(`/api/chat/attachments/${id}`, { method: "DELETE" }).catch(() => {});
}

export function toFilePart(a: UploadedAttachment): FileUIPart {
  return { type: "file", url: a.url, mediaType: a.mediaType, filename: a.filename };
}
