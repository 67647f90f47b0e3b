/**
 * Chat titles: a chat that opens with a greeting gets a distinct title (the greeting and when),
 * never the "New chat" placeholder, from the offline model and when a real model answers with a
 * placeholder or fails.
 */
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { greetingTitle, offlineTitle } from "@/server/ai/offline/answers";
import { generateChatTitle } from "@/server/ai/title";
import { usage } from "../chat/mock-model";

const AT = new Date("2026-12-02T20:41:07Z");

function answering(text: string) {
  return new MockLanguageModelV4({
    doGenerate: async () => ({
      content: [{ type: "text", text }],
      finishReason: { unified: "stop", raw: "stop" },
      usage,
      warnings: [],
    }),
  });
}

describe("greeting titles", () => {
  it.each([
    ["hi", "Hi, Dec 2, 20:41 UTC"],
    ["Hello!", "Hello, Dec 2, 20:41 UTC"],
    ["hey there", "Hey there, Dec 2, 20:41 UTC"],
    ["Good morning.", "Good morning, Dec 2, 20:41 UTC"],
  ])("the offline model titles %j as %j", (message, title) => {
    expect(offlineTitle(message, AT)).toBe(title);
  });

  it("tells two greeting chats apart by when they started", () => {
    expect(greetingTitle("hi", AT)).not.toBe(greetingTitle("hi", new Date(AT.getTime() + 60_000)));
  });

  it("keeps titling a real question from its words", () => {
    expect(offlineTitle("hi, what is a radium clock?", AT)).not.toMatch(/UTC|New chat/);
  });

  it("replaces a model's placeholder answer, and a failure, with the greeting title", async () => {
    for (const reply of ["New chat", "Greeting", "\"Untitled chat\""]) {
      const title = await generateChatTitle(answering(reply), "hello");
      expect(title).toMatch(/^Hello, \w{3} \d{1,2}, \d{2}:\d{2} UTC$/);
    }
    const failing = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error("upstream down");
      },
    });
    expect(await generateChatTitle(failing, "hey")).toMatch(/^Hey, /);
    expect(await generateChatTitle(answering("Radium clocks"), "hello")).toBe("Radium clocks");
  });
});
