import { describe, expect, it } from "vitest";
import { createUploadInput, NO_MODEL, pickedFileProblem, uploadErrorMessage, uploadFormSchema, validatorOptions } from "./upload-schema";

const file = (name: string, type = "") => new File(["{}\n"], name, { type });

describe("uploadFormSchema", () => {
  it("trims and requires a name", () => {
    const r = uploadFormSchema.safeParse({ name: "   ", description: "", baseModelId: NO_MODEL, validationSplit: "0" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Name the dataset.");
  });

  it("refuses a split that is not offered and text the database cannot store", () => {
    expect(uploadFormSchema.safeParse({ name: "a", description: "", baseModelId: NO_MODEL, validationSplit: "0.7" }).success).toBe(false);
    expect(uploadFormSchema.safeParse({ name: "a\u0000", description: "", baseModelId: NO_MODEL, validationSplit: "0" }).success).toBe(false);
  });
});

describe("validatorOptions", () => {
  const ctx = (id: string) => (id === "llama" ? 8192 : undefined);

  it("checks context length only when a base model is chosen", () => {
    expect(validatorOptions({ baseModelId: NO_MODEL, validationSplit: "0" }, ctx, "a.jsonl")).toEqual({
      fileName: "a.jsonl",
      contextLength: undefined,
      validationSplit: undefined,
    });
    expect(validatorOptions({ baseModelId: "llama", validationSplit: "0.1" }, ctx, "a.jsonl")).toEqual({
      fileName: "a.jsonl",
      contextLength: 8192,
      validationSplit: 0.1,
    });
  });
});

describe("createUploadInput", () => {
  it("sends the file's facts and leaves unset choices out", () => {
    const values = uploadFormSchema.parse({ name: " Support ", description: "", baseModelId: NO_MODEL, validationSplit: "0" });
    expect(createUploadInput(values, file("chats.jsonl"))).toEqual({
      name: "Support",
      description: undefined,
      fileName: "chats.jsonl",
      fileSize: 3,
      contentType: "",
      baseModelId: undefined,
      validationSplit: undefined,
    });
  });

  it("passes the browser's type on as it is, and the chosen model and split", () => {
    const values = uploadFormSchema.parse({ name: "x", description: "d", baseModelId: "llama", validationSplit: "0.2" });
    expect(createUploadInput(values, file("pairs.csv", "application/vnd.ms-excel")).contentType).toBe("application/vnd.ms-excel");
    expect(createUploadInput(values, file("pairs.csv"))).toMatchObject({ baseModelId: "llama", validationSplit: 0.2, description: "d" });
  });
});

describe("pickedFileProblem", () => {
  it("accepts dataset files whatever type the browser gives them", () => {
    expect(pickedFileProblem(file("chats.jsonl"))).toBeNull();
    expect(pickedFileProblem(file("pairs.csv", "text/csv"))).toBeNull();
  });

  it("refuses other kinds of file and empty files before reading them", () => {
    expect(pickedFileProblem(file("photo.png", "image/png"))).toMatch(/JSONL or CSV/);
    expect(pickedFileProblem(new File([], "empty.jsonl"))).toBe("The file is empty.");
  });
});

describe("uploadErrorMessage", () => {
  it("prefers the server's field messages", () => {
    const err = Object.assign(new Error("fileSize: too big"), { data: { issues: [{ message: "The file is 2 GB; a dataset can be at most 1 GB.", path: ["fileSize"] }] } });
    expect(uploadErrorMessage(err)).toBe("The file is 2 GB; a dataset can be at most 1 GB.");
  });

  it("falls back to the error's message", () => {
    expect(uploadErrorMessage(Object.assign(new Error("The upload link has expired."), { data: { issues: null } }))).toBe("The upload link has expired.");
    expect(uploadErrorMessage("offline")).toBe("offline");
  });
});
