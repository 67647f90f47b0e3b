/** Dataset files and inputs for the datasets tests, and a local store in a temporary folder. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CreateUploadInput } from "@/lib/datasets/upload-target";
import { setStorageForTesting } from "@/server/storage";
import { localStorage } from "@/server/storage/local";

/** One valid OpenAI chat example. */
export function chatLine(i: number): string {
  return JSON.stringify({
    messages: [
      { role: "system", content: "You answer in one short sentence." },
      { role: "user", content: `What is ${i} plus ${i}?` },
      { role: "assistant", content: `${i} plus ${i} is ${i + i}.` },
    ],
  });
}

/** `n` valid chat examples, one per line. */
export function validJsonl(n = 12): string {
  return `${Array.from({ length: n }, (_, i) => chatLine(i + 1)).join("\n")}\n`;
}

/**
 * Twelve lines of which line 3 is not JSON and line 5 has no assistant message: two errors, each on
 * its line, under any validator as strict as OpenAI's checks.
 */
export function brokenJsonl(): string {
  const lines = Array.from({ length: 12 }, (_, i) => chatLine(i + 1));
  lines[2] = '{"messages": [{"role": "user", "content": "cut off';
  lines[4] = JSON.stringify({ messages: [{ role: "user", content: "Hello?" }] });
  return `${lines.join("\n")}\n`;
}

export function uploadInput(file: string, over: Partial<CreateUploadInput> = {}): CreateUploadInput {
  return {
    name: "Support answers",
    fileName: "train.jsonl",
    fileSize: Buffer.byteLength(file),
    contentType: "application/jsonl",
    ...over,
  };
}

/** A local store in a fresh temporary folder, installed as the app's local storage until disposed. */
export function useTempLocalStorage() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "radium-datasets-"));
  // Links are signed with the app's own secret, so /api/files serves them.
  const storage = localStorage(root);
  setStorageForTesting({ local: storage });
  return {
    root,
    storage,
    dispose() {
      setStorageForTesting(undefined);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
