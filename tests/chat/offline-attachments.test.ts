/** What the offline model says about attached files (src/server/ai/offline/attachments.ts). */
import { describe, expect, it } from "vitest";
import { attachedTextFile, attachedUnseenImage, parseAttachedFile } from "@/lib/chat/attachment-content";
import { attachmentAnswer } from "@/server/ai/offline/attachments";

const file = (text: string) => parseAttachedFile(text)!;

describe("attachmentAnswer", () => {
  it("gives a text file's name, type, counts and its first five lines in a fence its own backticks cannot close", () => {
    const content = ["```js", "let a = 1;", "```", "four", "five", "six", "seven"].join("\n");
    const answer = attachmentAnswer([file(attachedTextFile({ filename: "README.md", mediaType: "text/markdown", text: content }))], "");
    expect(answer).toContain("Here is what I found.");
    expect(answer).toContain("**README.md** (text/markdown) has 7 lines and 10 words. The first 5 lines:");
    expect(answer).toContain("````md\n```js\nlet a = 1;\n```\nfour\nfive\n````");
    expect(answer).not.toContain("six");
  });

  it("quotes the question and says it cannot see an image", () => {
    const answer = attachmentAnswer([file(attachedUnseenImage({ filename: "cat.png", mediaType: "image/png", size: 10 }))], "  what   is this?  ");
    expect(answer).toContain("You asked: _what is this?_");
    expect(answer).toContain("I can't see images, so I can't tell you what **cat.png** shows");
  });

  it("says when a file is no longer there", () => {
    const gone = { name: "old.txt", type: "text/plain", content: null, lines: null, words: null, omitted: "the file is no longer available", truncated: null };
    expect(attachmentAnswer([gone], "")).toContain("**old.txt** is no longer available (the file is no longer available), so I can't read it.");
  });
});
