/**
 * A request body read whole, up to `maxBytes`: null as soon as it passes the cap (the rest is
 * not read, so an oversized upload costs no more than the cap). For bodies without a declared
 * length, or whose declared length cannot be trusted to stop the read.
 */
export async function readCappedBytes(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts, size);
}
