/**
 * Joins the bytes a stream produces within one turn of the event loop into one chunk. A model
 * that sends several tokens at once becomes several small SSE events; Next compresses and writes
 * each chunk on its own (a gzip flush and a socket write apiece), so a burst is cheaper as one.
 * The wait is that one turn at most: the first event is not held for anything that comes later.
 */
export function coalesceBursts(): TransformStream<Uint8Array, Uint8Array> {
  let pending: Uint8Array[] = [];
  let scheduled: Promise<void> | null = null;
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
