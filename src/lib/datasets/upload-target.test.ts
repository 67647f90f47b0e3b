import { describe, expect, it } from "vitest";
import {
  createUploadInputSchema,
  datasetFileIssues,
  DEFAULT_DATASET_MAX_BYTES,
  formatBytes,
  hasDatasetExtension,
  isDatasetContentType,
} from "./upload-target";

const GB = 1024 ** 3;

describe("dataset file rules", () => {
  it("accepts JSONL and CSV names, whatever their case, and nothing else", () => {
    for (const ok of ["train.jsonl", "A.JSONL", "x.ndjson", "data.json", "pairs.csv", " spaced.csv "]) expect(hasDatasetExtension(ok)).toBe(true);
    for (const bad of ["train.txt", "photo.png", ".jsonl", "jsonl", "train.jsonl.exe", "train.csv.zip", ""]) expect(hasDatasetExtension(bad)).toBe(false);
  });

  it("accepts the content types such files arrive with (including none), with parameters", () => {
    for (const ok of ["", "application/octet-stream", "application/jsonl", "text/csv; charset=utf-8", "TEXT/CSV", "application/x-ndjson"]) {
      expect(isDatasetContentType(ok)).toBe(true);
    }
    for (const bad of ["image/png", "application/pdf", "application/zip", "text/html", "video/mp4"]) expect(isDatasetContentType(bad)).toBe(false);
  });

  it("names each problem on its field: type, empty, too large", () => {
    expect(datasetFileIssues({ fileName: "t.jsonl", fileSize: 10, contentType: "" }, GB)).toEqual([]);
    expect(datasetFileIssues({ fileName: "t.png", fileSize: 10, contentType: "image/png" }, GB)).toEqual([
      { path: "fileName", message: "Upload a JSONL or CSV file (.jsonl, .ndjson, .json, .csv)." },
    ]);
    expect(datasetFileIssues({ fileName: "t.jsonl", fileSize: 10, contentType: "image/png" }, GB)).toEqual([
      { path: "contentType", message: "Upload a JSONL or CSV file (.jsonl, .ndjson, .json, .csv). This file is image/png." },
    ]);
    expect(datasetFileIssues({ fileName: "t.csv", fileSize: 0, contentType: "text/csv" }, GB)).toEqual([
      { path: "fileSize", message: "The file is empty." },
    ]);
    expect(datasetFileIssues({ fileName: "t.csv", fileSize: GB + 1, contentType: "text/csv" }, GB)).toEqual([
      { path: "fileSize", message: "The file is 1,073,741,825 bytes; a dataset can be at most 1,073,741,824 bytes (1 GB)." },
    ]);
    expect(datasetFileIssues({ fileName: "t.csv", fileSize: 1.5 * GB, contentType: "text/csv" }, GB)[0]?.message).toBe(
      "The file is 1.5 GB; a dataset can be at most 1 GB.",
    );
    expect(datasetFileIssues({ fileName: "t.csv", fileSize: GB, contentType: "text/csv" }, GB)).toEqual([]);
  });

  it("formats sizes in binary units", () => {
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(DEFAULT_DATASET_MAX_BYTES)).toBe("1 GB");
    expect(formatBytes(250 * 1024 ** 2)).toBe("250 MB");
    expect(formatBytes(3 * 1024 ** 4)).toBe("3 TB");
  });
});

describe("createUploadInputSchema", () => {
  const valid = { name: " My data ", fileName: "train.jsonl", fileSize: 100, contentType: "" };
  it("trims text and keeps the optional fields optional", () => {
    expect(createUploadInputSchema.parse(valid)).toEqual({ ...valid, name: "My data" });
  });

  it("refuses blank names, NUL characters, negative sizes and splits over one half", () => {
    for (const bad of [
      { ...valid, name: "  " },
      { ...valid, name: "a\u0000b" },
      { ...valid, fileSize: -1 },
      { ...valid, fileSize: 1.5 },
      { ...valid, validationSplit: 0.6 },
      { ...valid, name: "x".repeat(201) },
    ]) {
      expect(createUploadInputSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
