/**
 * Joins the bytes a stream produces within one turn of the event loop into one chunk. A model
 * that sends several tokens at once becomes several small SSE events; each chunk costs a socket
 * write of its own, so a burst is cheaper as one. The answer's first words are the exception: the
 * chunk that carries the first text delta leaves at once, with whatever is waiting before it. A
 * fast model's whole answer can arrive in one read, and the rest of that burst takes milliseconds
 * to pass through the SDK's streams: waiting for the turn to end would hold the first words that long.
 */
const FIRST_WORDS = Buffer.from('"type":"text-delta"');

const carriesFirstWords = (chunk: Uint8Array) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes(FIRST_WORDS);

export function coalesceBursts(): TransformStream<Uint8Array, Uint8Array> {
  let pending: Uint8Array[] = [];
  let scheduled: Promise<void> | null = null;
  let wordsSent = false;
  let controller: TransformStreamDefaultController<Uint8Array>;
  const release = () => {
    if (pending.length === 0) return;
    const out = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    try {
      controller.enqueue(out);
    } catch {
      // The reader went away (the client stopped the answer): nothing left to deliver.
    }
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    start(c) {
      controller = c;
    },
    transform(chunk) {
      pending.push(chunk);
      if (!wordsSent && carriesFirstWords(chunk)) {
        wordsSent = true;
        release();
        return;
      }
      scheduled ??= new Promise<void>((resolve) =>
        setImmediate(() => {
          scheduled = null;
          release();
          resolve();
        }),
      );
    },
    async flush() {
      await scheduled;
      release();
    },
  });
}
