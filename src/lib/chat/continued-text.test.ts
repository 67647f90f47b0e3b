import { describe, expect, it } from "vitest";
import { joinContinuedText, trimAnswerText } from "./continued-text";

describe("joinContinuedText", () => {
  it("joins a stopped text and its continuation across the step marker, with nothing in between", () => {
    const parts = [
      { type: "step-start" },
      { type: "text", text: "The printing press was", state: "done" },
      { type: "step-start" },
      { type: "text", text: " invented around 1440.", state: "done" },
    ];
    expect(joinContinuedText(parts)).toEqual([
      { type: "step-start" },
      { type: "text", text: "The printing press was invented around 1440.", state: "done" },
    ]);
  });

  it("keeps texts apart when a tool call stands between them", () => {
    const parts = [
      { type: "text", text: "Writing it now." },
      { type: "step-start" },
      { type: "tool-createDocument", text: undefined },
      { type: "step-start" },
      { type: "text", text: "Done." },
    ];
    expect(joinContinuedText(parts)).toEqual(parts);
  });

  it("leaves a single text alone and does not change its input", () => {
    const parts = [{ type: "step-start" }, { type: "text", text: "One answer." }];
    const copy = structuredClone(parts);
    expect(joinContinuedText(parts)).toEqual(copy);
    expect(parts).toEqual(copy);
  });
});

describe("trimAnswerText", () => {
  const parts = [{ type: "step-start" }, { type: "text", text: "Hello " }, { type: "step-start" }, { type: "text", text: "wide world" }];

  it("cuts the end of the answer's text back to the length the user saw", () => {
    expect(trimAnswerText(parts, 10)).toEqual([{ type: "step-start" }, { type: "text", text: "Hello wide" }]);
  });

  it("leaves an answer the user saw whole (or more of) as it is", () => {
    expect(trimAnswerText(parts, 16)).toEqual(joinContinuedText(parts));
    expect(trimAnswerText(parts, 99)).toEqual(joinContinuedText(parts));
  });

  it("never cuts into a tool call or empties the answer's text", () => {
    const tool = [{ type: "text", text: "Writing." }, { type: "tool-createDocument" }];
    expect(trimAnswerText(tool, 3)).toEqual(tool);
    expect(trimAnswerText([{ type: "text", text: "abc" }], 0)).toEqual([{ type: "text", text: "abc" }]);
  });
});
