import { describe, expect, it } from "vitest";
import { describeChatError } from "./errors";

function httpError(status: number, body: unknown) {
  const text = JSON.stringify(body);
  return Object.assign(new Error(text), { statusCode: status, responseBody: text });
}

describe("describeChatError", () => {
  it("reads the JSON error body of a 429 limit answer", () => {
    const view = describeChatError(
      httpError(429, { type: "about:blank", title: "Error", detail: "You reached 100 messages today. The limit resets at 00:00 UTC.", code: "rate_limit:chat" }),
    );
    expect(view).toEqual({
      title: "Daily message limit reached",
      message: "You reached 100 messages today. The limit resets at 00:00 UTC.",
      code: "rate_limit:chat",
      status: 429,
      retryable: true,
    });
  });

  it("marks read-only and not-found answers as not retryable", () => {
    expect(describeChatError(httpError(403, { type: "about:blank", title: "Error", detail: "Read only.", code: "forbidden:chat" }))).toMatchObject({
      title: "This chat is read-only",
      retryable: false,
    });
    expect(describeChatError(httpError(404, { type: "about:blank", title: "Error", detail: "Not found.", code: "not_found:chat" })).retryable).toBe(false);
  });

  it("keeps a readable stream error text as is", () => {
    const view = describeChatError(new Error("The AI provider is rate limiting requests. Wait a moment and try again."));
    expect(view.message).toBe("The AI provider is rate limiting requests. Wait a moment and try again.");
    expect(view.retryable).toBe(true);
    expect(view.status).toBeNull();
  });

  it("replaces browser network errors and empty messages with a sentence", () => {
    expect(describeChatError(new TypeError("Failed to fetch")).message).toMatch(/Could not reach the server/);
    expect(describeChatError(new Error("")).message).toBe("The request failed. Please try again.");
    expect(describeChatError(undefined).message).toBe("The request failed. Please try again.");
  });
});
