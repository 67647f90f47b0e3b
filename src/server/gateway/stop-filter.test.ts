import { describe, expect, it } from "vitest";
import { StopFilter } from "./stop-filter";

function run(stops: string[], pieces: string[]): { out: string; done: boolean } {
  const f = new StopFilter(stops);
  let out = "";
  for (const p of pieces) out += f.push(p);
  out += f.flush();
  return { out, done: f.done };
}

describe("StopFilter", () => {
  it("passes everything through without stop sequences", () => {
    expect(run([], ["a", "b"])).toEqual({ out: "ab", done: false });
  });

  it("cuts at a stop sequence inside one piece or across pieces", () => {
    expect(run(["STOP"], ["hello STOP world"])).toEqual({ out: "hello ", done: true });
    expect(run(["STOP"], ["hello ST", "OP world"])).toEqual({ out: "hello ", done: true });
    expect(run(["\n\n", "END"], ["a\n", "\nb END"])).toEqual({ out: "a", done: true });
  });

  it("releases held text that turned out not to be a stop sequence", () => {
    expect(run(["STOP"], ["hello ST", "ART"])).toEqual({ out: "hello START", done: false });
    expect(run(["STOP"], ["ends with ST"])).toEqual({ out: "ends with ST", done: false });
  });
});
