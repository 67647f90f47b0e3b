import { describe, expect, it } from "vitest";
import { createUploadInput, NO_MODEL, uploadFormSchema, validatorOptions } from "./upload-schema";

const file = (name: string, type = "") => new File(["{}\n"], name, { type });

describe("uploadFormSchema", () => {
  it("trims and requires a name", () => {
    const r = uploadFormSchema.safeParse({ name: "   ", description: "", baseModelId: NO_MODEL, validationSplit: "0" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Give the dataset a name.");
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
      contentType: "application/jsonl",
      baseModelId: undefined,
      validationSplit: undefined,
    });
  });

  it("keeps the browser's type, or names CSV from the extension", () => {
    const values = uploadFormSchema.parse({ name: "x", description: "d", baseModelId: "llama", validationSplit: "0.2" });
    expect(createUploadInput(values, file("pairs.csv")).contentType).toBe("text/csv");
    expect(createUploadInput(values, file("pairs.csv", "application/vnd.ms-excel")).contentType).toBe("application/vnd.ms-excel");
    expect(createUploadInput(values, file("pairs.csv"))).toMatchObject({ baseModelId: "llama", validationSplit: 0.2, description: "d" });
  });
});
