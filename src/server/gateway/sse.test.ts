import { describe, expect, it } from "vitest";
import { SseParser, sseData, sseDone } from "./sse";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("SSE", () => {
  it("encodes chunks and the end as OpenAI streams them", () => {
    expect(text(sseData({ a: 1 }))).toBe('data: {"a":1}\n\n');
    expect(text(sseDone())).toBe("data: [DONE]\n\n");
  });

  it("parses events split anywhere, with CRLF, comments, other fields and multi-line data", () => {
    const wire = ': keep-alive\r\ndata: {"x":1}\r\n\r\nevent: message\nid: 3\ndata: line one\ndata: line two\n\ndata: [DONE]\n\n';
    const bytes = new TextEncoder().encode(wire);
    const parser = new SseParser();
    const out: string[] = [];
    for (let i = 0; i < bytes.length; i += 3) out.push(...parser.push(bytes.subarray(i, i + 3)));
    out.push(...parser.push(undefined, true));
    expect(out).toEqual(['{"x":1}', "line one\nline two", "[DONE]"]);
  });

  it("keeps a multi-byte character split across reads whole, and ends an unterminated last event", () => {
    const bytes = new TextEncoder().encode("data: héllo");
    const parser = new SseParser();
    const out = [...parser.push(bytes.subarray(0, 8)), ...parser.push(bytes.subarray(8)), ...parser.push(undefined, true)];
    expect(out).toEqual(["héllo"]);
  });
});
