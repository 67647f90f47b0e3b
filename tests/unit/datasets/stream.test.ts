// validateDatasetStream over a web ReadableStream (a browser File's stream()) and a Node readable, with progress.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatasetValidator, validateDatasetStream } from "@/lib/datasets";
import { bytesOf, file, validate, validChatLines } from "./helpers";

const bytes = bytesOf(file([...validChatLines(200), "{oops"]));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-datasets-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("validateDatasetStream", () => {
  it("reads a web ReadableStream and reports progress after each chunk", async () => {
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + 1000));
        at += 1000;
      },
    });
    const progress: number[] = [];
    const report = await validateDatasetStream(stream, { fileName: "train.jsonl" }, (p) => progress.push(p.bytes));
    expect(report).toEqual(validate(bytes, { fileName: "train.jsonl" }));
    expect(report.errors).toEqual([{ line: 201, rule: "json", message: expect.any(String) }]);
    expect(progress.length).toBe(Math.ceil(bytes.length / 1000));
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("reads a Node file stream (an async iterable of Buffers)", async () => {
    const target = path.join(dir, "train.jsonl");
    fs.writeFileSync(target, bytes);
    const report = await validateDatasetStream(fs.createReadStream(target, { highWaterMark: 777 }));
    expect(report).toEqual(validate(bytes));
    expect(report.stats.bytes).toBe(bytes.length);
    expect(report.stats.lines).toBe(201);
  });

  it("is serialisable as it is (worker messages, database rows)", () => {
    const report = validate(bytes);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(structuredClone(report)).toEqual(report);
  });
});

describe("createDatasetValidator", () => {
  it("reports progress as it goes and refuses bytes after end", () => {
    const v = createDatasetValidator();
    v.push(bytes.subarray(0, 500));
    expect(v.progress().bytes).toBe(500);
    v.push(bytes.subarray(500));
    expect(v.progress()).toEqual({ bytes: bytes.length, lines: 201 });
    const report = v.end();
    expect(v.end()).toBe(report);
    expect(() => v.push(bytes)).toThrow(/ended/);
  });
});
