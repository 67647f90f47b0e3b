"use client";

import { generateReactHelpers } from "@uploadthing/react";
import type { UploadRouter } from "@/app/api/uploadthing/core";
import type { UploadTarget } from "@/lib/datasets/upload-target";

/** Called with the share of the file sent so far, 0..1. */
export type OnUploadProgress = (fraction: number) => void;

const { uploadFiles } = generateReactHelpers<UploadRouter>();

/** The server's own words for a refused upload (a problem+json `detail`, or `error`/`message`), else the status. */
function refusal(xhr: XMLHttpRequest): string {
  try {
    const body: unknown = JSON.parse(xhr.responseText);
    if (body && typeof body === "object") {
      for (const key of ["detail", "error", "message"]) {
        const text: unknown = key in body ? Reflect.get(body, key) : undefined;
        if (typeof text === "string" && text) return text;
      }
    }
  } catch {}
  return `The upload was refused (HTTP ${xhr.status}${xhr.statusText ? ` ${xhr.statusText}` : ""}).`;
}

/** A signed PUT to our own upload route, through XHR: fetch has no upload progress. */
function putWithProgress(url: string, file: File, onProgress: OnUploadProgress, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener("load", () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(refusal(xhr)))));
    xhr.addEventListener("error", () => reject(new Error("The upload failed: the connection was lost.")));
    xhr.addEventListener("abort", () => reject(new DOMException("Upload cancelled", "AbortError")));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Sends the file where `datasets.createUpload` said to: our signed local route, or uploadthing. */
export async function sendDatasetFile(target: UploadTarget, file: File, onProgress: OnUploadProgress, signal: AbortSignal): Promise<void> {
  if (target.kind === "local") return putWithProgress(target.url, file, onProgress, signal);
  await uploadFiles(target.endpoint, {
    files: [file],
    input: target.input,
    signal,
    onUploadProgress: ({ progress }) => onProgress(progress / 100),
  });
}
