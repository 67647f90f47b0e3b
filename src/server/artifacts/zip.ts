/**
 * An artifact's files as one zip, streamed: each file is read from storage only when the client has
 * taken the previous one (ReadableStream pull), so memory holds about one file at a time. JSON files
 * are deflated; weights (safetensors) are stored as they are, since they barely compress.
 */
import "server-only";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export interface ZipSource {
  name: string;
  read: () => Promise<Uint8Array>;
}

const COMPRESSIBLE = /\.(json|txt|md|jsonl|yaml|yml|model)$/i;

export function zipStream(sources: readonly ZipSource[], mtime: Date = new Date()): ReadableStream<Uint8Array> {
  let next = 0;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      if (sources.length === 0) zip.end();
    },
    async pull() {
      if (next >= sources.length) return;
      const source = sources[next++]!;
      const data = await source.read();
      const entry = COMPRESSIBLE.test(source.name)
        ? new ZipDeflate(source.name, { level: 6 })
        : new ZipPassThrough(source.name);
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(data, true);
      if (next === sources.length) zip.end();
    },
    cancel() {
      zip.terminate();
    },
  });
}
