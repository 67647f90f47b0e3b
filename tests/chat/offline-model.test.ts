/** The offline model: intent parsing, streaming as a LanguageModelV4, and what it writes. */
import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { generateText, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv } from "@/lib/chat/csv";
import { parseDocumentPrompt } from "@/server/ai/offline/read-prompt";
import { chatInstructions, createDocumentPrompt, documentInstructions, SUGGESTIONS_INSTRUCTIONS, suggestionsPrompt, TITLE_INSTRUCTIONS, updateDocumentPrompt } from "@/server/ai/prompts";
import { parseIntent } from "@/server/ai/offline/intents";
import { OfflineLanguageModel } from "@/server/ai/offline/model";
import { offlineSuggestions } from "@/server/ai/offline/suggest";
import { composeProse, reviseProse } from "@/server/ai/offline/compose-text";
import { composeCode, reviseCode } from "@/server/ai/offline/compose-code";
import { composeSheet, reviseSheet } from "@/server/ai/offline/compose-sheet";
import { FenceStripper } from "@/server/ai/document-writer";
import { describeProviderError } from "@/server/ai/errors";
import { sanitizeAssistantParts, STOPPED_TOOL_ERROR } from "@/server/chat/sanitize";
import { APICallError } from "ai";

const DOC = "3f2b8c1e-5d6a-4b7c-8e9f-0a1b2c3d4e5f";
const model = new OfflineLanguageModel({ delayMs: 0 });

const noopTools = {
  createDocument: tool({ inputSchema: z.object({ title: z.string(), kind: z.enum(["text", "code", "sheet"]) }) }),
  updateDocument: tool({ inputSchema: z.object({ id: z.string(), description: z.string() }) }),
  requestSuggestions: tool({ inputSchema: z.object({ documentId: z.string() }) }),
  readDocument: tool({ inputSchema: z.object({ id: z.string() }) }),
};

function options(system: string, user: string, tools = true): LanguageModelV4CallOptions {
  return {
    prompt: [
      { role: "system", content: system },
      { role: "user", content: [{ type: "text", text: user }] },
    ],
    ...(tools
      ? { tools: Object.keys(noopTools).map((name) => ({ type: "function" as const, name, inputSchema: { type: "object" } })) }
      : {}),
  };
}

async function collect(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const p of stream) parts.push(p);
  return parts;
}

describe("offline intents", () => {
  const cases: Array<[string, boolean, unknown]> = [
    ["Write a short essay about the ocean", false, { type: "create", kind: "text", title: "The Ocean" }],
    ["Could you please draft a letter about the school trip", false, { type: "create", kind: "text", title: "The School Trip" }],
    ["Write a Python function that checks whether a number is prime", false, { type: "create", kind: "code", title: "Checks whether a number is prime (Python)" }],
    ["write an essay about python", false, { type: "create", kind: "text", title: "Python" }],
    ["Make a spreadsheet of a monthly household budget", false, { type: "create", kind: "sheet", title: "A monthly household budget" }],
    ["write a story about a kitchen table", false, { type: "create", kind: "text", title: "A Kitchen Table" }],
    ["Make it shorter", true, { type: "update", description: "Make it shorter" }],
    ["add comments", true, { type: "update", description: "add comments" }],
    ["Suggest improvements", true, { type: "suggest" }],
    ["Suggest improvements", false, { type: "needs-document", wanted: "suggest" }],
    ["make it more formal", false, { type: "needs-document", wanted: "update" }],
    ["Summarize the document", true, { type: "read" }],
    ["What is the capital of France?", true, { type: "answer" }],
    ["Hello! What can you help me with today?", false, { type: "answer" }],
    ["Make a spreadsheet of sales", true, { type: "create", kind: "sheet", title: "Sales" }],
  ];
  it.each(cases)("%s (document exists: %s)", (text, hasDocument, expected) => {
    expect(parseIntent(text, { hasDocument })).toEqual(expected);
  });
});

describe("OfflineLanguageModel", () => {
  it("streams a plain answer token by token and says it is the offline model", async () => {
    const { stream } = await model.doStream(options(chatInstructions({ documents: [] }), "What is the capital of France?"));
    const parts = await collect(stream);
    const deltas = parts.filter((p) => p.type === "text-delta");
    expect(deltas.length).toBeGreaterThan(40);
    const text = deltas.map((p) => (p.type === "text-delta" ? p.delta : "")).join("");
    expect(text).toMatch(/offline model/i);
    expect(text).toContain("What is the capital of France?");
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: { unified: "stop" } });
  });

  it("calls createDocument with streamed JSON input", async () => {
    const { stream } = await model.doStream(options(chatInstructions({ documents: [] }), "Write a short essay about the ocean"));
    const parts = await collect(stream);
    const deltas = parts.filter((p) => p.type === "tool-input-delta");
    expect(deltas.length).toBeGreaterThan(2);
    const call = parts.find((p) => p.type === "tool-call");
    expect(call).toMatchObject({ toolName: "createDocument" });
    expect(JSON.parse(deltas.map((p) => (p.type === "tool-input-delta" ? p.delta : "")).join(""))).toEqual({ title: "The Ocean", kind: "text" });
    expect(parts.at(-1)).toMatchObject({ type: "finish", finishReason: { unified: "tool-calls" } });
  });

  it("targets the chat's newest document for updates, suggestions and reads", async () => {
    const system = chatInstructions({
      documents: [
        { id: DOC, title: "Newest", kind: "text" },
        { id: "00000000-0000-4000-8000-000000000000", title: "Older", kind: "code" },
      ],
    });
    for (const [text, toolName, input] of [
      ["make it more formal", "updateDocument", { id: DOC, description: "make it more formal" }],
      ["suggest improvements", "requestSuggestions", { documentId: DOC }],
      ["read the document", "readDocument", { id: DOC }],
    ] as const) {
      const { stream } = await model.doStream(options(system, text));
      const call = (await collect(stream)).find((p) => p.type === "tool-call");
      expect(call && call.type === "tool-call" && JSON.parse(call.input)).toEqual(input);
      expect(call).toMatchObject({ toolName });
    }
  });

  it("answers instead of calling a tool the request did not offer", async () => {
    const { stream } = await model.doStream(options(chatInstructions({ documents: [] }), "Write an essay about tea", false));
    const parts = await collect(stream);
    expect(parts.some((p) => p.type === "tool-call")).toBe(false);
    expect(parts.some((p) => p.type === "text-delta")).toBe(true);
  });

  it("runs a whole tool loop through streamText (tool result → a short reply)", async () => {
    const result = streamText({
      model,
      instructions: chatInstructions({ documents: [] }),
      prompt: "Write a short essay about bees",
      tools: { ...noopTools, createDocument: tool({ ...noopTools.createDocument, execute: async ({ title, kind }) => ({ id: DOC, title, kind }) }) },
      stopWhen: () => false,
    });
    const text = await result.text;
    expect(text).toContain("**Bees**");
    expect((await result.steps).length).toBe(2);
  });

  it("writes a title, documents from the conversation, and suggestions as JSON", async () => {
    const title = await generateText({ model, instructions: TITLE_INSTRUCTIONS, prompt: "Write a short essay about the history of tea" });
    expect(title.text).toBe("Essay about the history of tea");

    const conversation = "user: I'm planning a talk for retired sailors.\nassistant: Sounds fun!\nuser: Write an essay about lighthouses and mention fog signals";
    const doc = await generateText({ model, instructions: documentInstructions("text", "create"), prompt: createDocumentPrompt({ conversation, title: "Lighthouses", kind: "text" }) });
    expect(doc.text).toMatch(/^# Lighthouses\n/);
    expect(doc.text).toContain("fog signals");

    const revised = await generateText({
      model,
      instructions: documentInstructions("text", "update"),
      prompt: updateDocumentPrompt({ conversation, title: "Lighthouses", kind: "text", content: doc.text, description: "make it shorter" }),
    });
    expect(revised.text.length).toBeLessThan(doc.text.length);

    const suggested = await generateText({ model, instructions: SUGGESTIONS_INSTRUCTIONS, prompt: suggestionsPrompt({ title: "Lighthouses", kind: "text", content: doc.text }) });
    const parsed = JSON.parse(suggested.text) as { suggestions: Array<{ originalText: string; suggestedText: string }> };
    expect(parsed.suggestions.length).toBeGreaterThan(0);
    for (const s of parsed.suggestions) {
      expect(doc.text).toContain(s.originalText);
      expect(s.suggestedText).not.toBe(s.originalText);
    }
  });

  it("stops streaming when aborted", async () => {
    const slow = new OfflineLanguageModel({ delayMs: 20 });
    const abort = new AbortController();
    const { stream } = await slow.doStream({ ...options(chatInstructions({ documents: [] }), "Explain streaming in detail"), abortSignal: abort.signal });
    const reader = stream.getReader();
    let deltas = 0;
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          if (value.type === "text-delta" && ++deltas === 3) abort.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(deltas).toBe(3);
  });
});

describe("offline writers", () => {
  it("prose uses the request's topic, audience and points", () => {
    const text = composeProse({ request: "Write a short essay about tides for my grandmother who loves sailing, mention the moon", earlier: [], title: "Tides" });
    expect(text).toContain("# Tides");
    expect(text).toContain("my grandmother who loves sailing");
    expect(text.toLowerCase()).toContain("the moon");
    expect(reviseProse(text, "Tides", "make it more formal")).not.toContain("It's");
    expect(reviseProse(text, "Tides", "make it longer").length).toBeGreaterThan(text.length);
  });

  it("code: a runnable recipe in the requested language; comments added on request", () => {
    expect(composeCode("write a python function that checks if a number is prime")).toContain("def is_prime(n):");
    expect(composeCode("write a javascript function for fibonacci numbers")).toContain("function fibonacci(count)");
    const commented = reviseCode(composeCode("write a python script to reverse a string"), "add comments");
    expect(commented).toMatch(/# Reverse text\.\ndef reverse_text/);
  });

  it("sheets are valid CSV; totals add up", () => {
    const csv = composeSheet("make a spreadsheet of monthly expenses");
    const grid = parseCsv(csv);
    expect(grid[0]).toEqual(["Category", "Monthly amount", "Notes"]);
    const withTotals = parseCsv(reviseSheet(csv, "add totals"));
    const sum = grid.slice(1).reduce((s, r) => s + Number(r[1]), 0);
    expect(withTotals.at(-1)?.[0]).toBe("Total");
    expect(Number(withTotals.at(-1)?.[1])).toBeCloseTo(sum, 2);
  });

  it("suggestions always quote the document exactly", () => {
    const content = "It's very easy to miss. We did it in order to learn.\n\ndef add(a, b):\n    return a + b";
    for (const kind of ["text", "code"] as const) {
      const list = offlineSuggestions(content, kind);
      expect(list.length).toBeGreaterThan(0);
      for (const s of list) expect(content).toContain(s.originalText);
    }
  });
});

describe("prompt plumbing and stream hygiene", () => {
  it("parseDocumentPrompt round-trips content that contains the tags' own words", () => {
    const content = "Line with </conversation> inside\nand <document> too";
    const prompt = updateDocumentPrompt({ conversation: "user: hi", title: "T, kind", kind: "text", content, description: "make it\nshorter" });
    expect(parseDocumentPrompt(prompt)).toEqual({ conversation: "user: hi", title: "T, kind", content, description: "make it\nshorter" });
  });

  it("FenceStripper drops a fence split across deltas and keeps the code", () => {
    let out = "";
    const s = new FenceStripper((d) => (out += d));
    for (const d of ["``", "`py", "thon\nprint(1)\n", "x = 2\n`", "``\n"]) s.push(d);
    s.end();
    expect(out).toBe("print(1)\nx = 2");
    let plain = "";
    const p = new FenceStripper((d) => (plain += d));
    p.push("a,b\n");
    p.push("1,2");
    p.end();
    expect(plain).toBe("a,b\n1,2");
  });

  it("sanitize marks cut-short text done and unfinished tool calls as errors", () => {
    const parts = sanitizeAssistantParts([
      { type: "step-start" },
      { type: "tool-createDocument", toolCallId: "c1", state: "input-streaming", input: undefined, rawInput: '{"ti' },
      { type: "text", text: "Partial", state: "streaming" },
      { type: "data-document-delta", data: {} },
    ]);
    expect(parts).toEqual([
      { type: "step-start" },
      { type: "tool-createDocument", toolCallId: "c1", state: "output-error", input: {}, errorText: STOPPED_TOOL_ERROR },
      { type: "text", text: "Partial", state: "done" },
    ]);
    expect(sanitizeAssistantParts([{ type: "step-start" }])).toEqual([]);
  });

  it("describes provider failures in readable sentences", () => {
    const apiError = (statusCode: number, body: unknown) =>
      new APICallError({ message: "x", url: "http://x", requestBodyValues: {}, statusCode, responseBody: JSON.stringify(body) });
    expect(describeProviderError(apiError(401, { error: { message: "Incorrect API key provided" } }))).toMatch(/^The model provider rejected the API key \(HTTP 401\)/);
    expect(describeProviderError(apiError(503, {}))).toBe("The model provider had an internal error (HTTP 503). Retry in a moment.");
    expect(describeProviderError(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }))).toMatch(/dropped|reach/);
    expect(describeProviderError(new Error("boom"))).toBe("The model could not answer: boom. Retry in a moment.");
  });
});
