/**
 * Server-sent events as OpenAI streams them: `data: <json>\n\n` per chunk and `data: [DONE]\n\n` at
 * the end; and the reverse, for upstreams that stream the same way.
 */
const encoder = new TextEncoder();

export const DONE = "[DONE]";

export function sseData(payload: unknown): Uint8Array {
  return encoder.encode(`data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`);
}

export const sseDone = (): Uint8Array => sseData(DONE);

/**
 * Splits an SSE byte stream into the `data` payloads of its events (multi-line data joined with
 * "\n"; comments, `event:`, `id:` and `retry:` fields ignored). Incremental: feed it bytes as they
 * come and take the complete events out.
 */
export class SseParser {
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private data: string[] = [];

  push(bytes: Uint8Array | undefined, end = false): string[] {
    this.buffer += bytes ? this.decoder.decode(bytes, { stream: !end }) : this.decoder.decode();
    const out: string[] = [];
    for (;;) {
      const nl = this.buffer.search(/\r\n|\r|\n/);
      if (nl < 0) break;
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + (this.buffer.startsWith("\r\n", nl) ? 2 : 1));
      this.line(line, out);
    }
    if (end) {
      if (this.buffer) this.line(this.buffer, out);
      this.buffer = "";
      this.line("", out);
    }
    return out;
  }

  private line(line: string, out: string[]) {
    if (line === "") {
      if (this.data.length) out.push(this.data.join("\n"));
      this.data = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== "data") return;
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    this.data.push(value);
  }
}
