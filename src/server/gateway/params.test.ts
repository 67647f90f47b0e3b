import { describe, expect, it } from "vitest";
import { maxCompletionTokens, stopSequences, unsupportedParameter } from "./params";
import { type ChatRequest, parseChatRequest } from "./request";

const base: ChatRequest = { model: "m", messages: [{ role: "user", content: "hi" }] };
const tool = { type: "function" as const, function: { name: "f" } };

describe("the parameter support matrix", () => {
  it.each([
    ["tools", { tools: [tool] }],
    ["tool_choice", { tool_choice: "required" as const }],
    ["response_format", { response_format: { type: "json_schema" as const, json_schema: { name: "x" } } }],
    ["logprobs", { logprobs: true }],
    ["top_logprobs", { top_logprobs: 2 }],
    ["logit_bias", { logit_bias: { "42": 1 } }],
  ])("refuses %s on the offline simulator, naming it, and passes it to OpenAI-compatible servers", (param, extra) => {
    const body = { ...base, ...extra };
    const err = unsupportedParameter(body, "offline");
    expect([err?.status, err?.code, err?.param]).toEqual([400, "unsupported_parameter", param]);
    expect(unsupportedParameter(body, "openai-compatible")).toBeNull();
  });

  it("accepts sampling, length, stop, seed and JSON mode everywhere, and n > 1 nowhere", () => {
    const body: ChatRequest = {
      ...base,
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 10,
      stop: ["x"],
      seed: 1,
      response_format: { type: "json_object" },
      tool_choice: "none",
    };
    expect(unsupportedParameter(body, "offline")).toBeNull();
    expect(unsupportedParameter(body, "openai-compatible")).toBeNull();
    expect(unsupportedParameter({ ...base, n: 2 }, "openai-compatible")?.param).toBe("n");
  });

  it("prefers max_completion_tokens and normalises stop", () => {
    expect(maxCompletionTokens({ ...base, max_tokens: 5, max_completion_tokens: 7 })).toBe(7);
    expect(maxCompletionTokens({ ...base, max_tokens: 5 })).toBe(5);
    expect(maxCompletionTokens(base)).toBeNull();
    expect(stopSequences({ ...base, stop: "END" })).toEqual(["END"]);
    expect(stopSequences({ ...base, stop: ["a", ""] })).toEqual(["a"]);
  });
});

describe("parseChatRequest", () => {
  it("answers invalid JSON, non-objects and invalid values with 400 naming the parameter", () => {
    const bad = (raw: string) => {
      const r = parseChatRequest(raw);
      if (!("status" in r)) throw new Error("expected an error");
      return [r.status, r.code, r.param];
    };
    expect(bad("{nope")).toEqual([400, "invalid_json", null]);
    expect(bad("[]")).toEqual([400, "invalid_value", "body"]);
    expect(bad(JSON.stringify({ ...base, temperature: 3 }))).toEqual([400, "invalid_value", "temperature"]);
    expect(bad(JSON.stringify({ model: "m", messages: [] }))).toEqual([400, "invalid_value", "messages"]);
    expect(bad(JSON.stringify({ model: "m", messages: [{ role: "wizard", content: "x" }] }))).toEqual([400, "invalid_value", "messages.0.role"]);
  });

  it("drops unknown fields and keeps the known ones", () => {
    const r = parseChatRequest(JSON.stringify({ ...base, stream: true, surprise: 1, user: "u1" }));
    expect(r).toEqual({ ...base, stream: true, user: "u1" });
  });
});
