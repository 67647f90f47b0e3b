import { describe, expect, it } from "vitest";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import { AnswerSave } from "./answer-save";

const message = (...texts: string[]): RadiumUIMessage => ({ id: "a1", role: "assistant", parts: texts.map((text) => ({ type: "text" as const, text })) });

function recorder() {
  const saves: Array<{ texts: string[]; stopped: boolean }> = [];
  const save = new AnswerSave(async (m, stopped) => {
    saves.push({ texts: m.parts.map((p) => (p.type === "text" ? p.text : p.type)), stopped });
  });
  return { saves, save };
}

describe("AnswerSave", () => {
  it("saves the model's whole answer from its last step, before the stream ends, and not again at the end", async () => {
    const { saves, save } = recorder();
    save.stepEnded(message("Hello"));
    save.modelFinished(1);
    await new Promise((r) => setImmediate(r));
    expect(saves).toEqual([{ texts: ["Hello"], stopped: false }]);
    await save.streamEnded(message("Hello"), false);
    expect(saves).toHaveLength(1);
  });

  it("waits for the stream to see the last step when the model finishes first", async () => {
    const { saves, save } = recorder();
    save.stepEnded(message("tool call"));
    save.modelFinished(2);
    await new Promise((r) => setImmediate(r));
    expect(saves).toEqual([]);
    save.stepEnded(message("tool call", "answer"));
    await new Promise((r) => setImmediate(r));
    expect(saves).toEqual([{ texts: ["tool call", "answer"], stopped: false }]);
  });

  it("saves a stopped answer as it stands when the stream ends", async () => {
    const { saves, save } = recorder();
    save.stepEnded(message("Half"));
    await save.streamEnded(message("Half an answer"), true);
    expect(saves).toEqual([{ texts: ["Half an answer"], stopped: true }]);
  });

  it("saves at the end when the stream was cancelled before it saw the model's last step", async () => {
    const { saves, save } = recorder();
    save.modelFinished(1);
    await save.streamEnded(message("Cut"), true);
    expect(saves).toEqual([{ texts: ["Cut"], stopped: true }]);
  });

  it("saves again when a step came after the one the early save took", async () => {
    const { saves, save } = recorder();
    save.stepEnded(message("one"));
    save.modelFinished(1);
    save.stepEnded(message("one", "two"));
    await save.streamEnded(message("one", "two"), false);
    expect(saves.map((s) => s.texts)).toEqual([["one"], ["one", "two"]]);
  });

  it("reports a failed early save at the end, and does not leave it unhandled", async () => {
    const save = new AnswerSave(async () => {
      throw new Error("database down");
    });
    save.stepEnded(message("Hello"));
    save.modelFinished(1);
    await new Promise((r) => setImmediate(r));
    await expect(save.streamEnded(message("Hello"), false)).rejects.toThrow("database down");
  });
});
