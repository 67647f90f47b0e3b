import { z } from "zod";
import type { DatasetValidatorOptions } from "@/lib/datasets/types";
import { createUploadInputSchema, datasetFileIssues } from "@/lib/datasets/upload-target";
import { safeText } from "@/lib/zod/text";

/** The split choices offered (share of examples held out for validation). */
export const SPLITS = [
  { value: "0", label: "None" },
  { value: "0.05", label: "5%" },
  { value: "0.1", label: "10%" },
  { value: "0.2", label: "20%" },
] as const;

/** Radix Select cannot hold an empty value, so "no base model" has a name of its own. */
export const NO_MODEL = "none";

export const uploadFormSchema = z.object({
  // The router's own rules for the name, so the form refuses exactly what the server would.
  name: createUploadInputSchema.shape.name,
  description: safeText().trim().max(2000, { error: "At most 2,000 characters." }),
  baseModelId: safeText().max(200),
  validationSplit: z.enum(SPLITS.map((s) => s.value)),
});

export type UploadFormValues = z.input<typeof uploadFormSchema>;
export type UploadFormOutput = z.output<typeof uploadFormSchema>;

export const emptyUploadForm: UploadFormValues = { name: "", description: "", baseModelId: NO_MODEL, validationSplit: "0" };

/** The validator options the form's choices imply: the server validates with the same ones. */
export function validatorOptions(
  values: Pick<UploadFormValues, "baseModelId" | "validationSplit">,
  contextWindow: (modelId: string) => number | undefined,
  fileName: string,
): DatasetValidatorOptions {
  const split = Number(values.validationSplit);
  return {
    fileName,
    contextLength: values.baseModelId === NO_MODEL ? undefined : contextWindow(values.baseModelId),
    validationSplit: split > 0 ? split : undefined,
  };
}

/** `datasets.createUpload`'s input from the form and the picked file. */
export function createUploadInput(values: UploadFormOutput, file: File) {
  const split = Number(values.validationSplit);
  return {
    name: values.name,
    description: values.description || undefined,
    fileName: file.name,
    fileSize: file.size,
    // Often empty (browsers know no type for .jsonl): the server accepts that and goes by the extension.
    contentType: file.type,
    baseModelId: values.baseModelId === NO_MODEL ? undefined : values.baseModelId,
    validationSplit: split > 0 ? split : undefined,
  };
}

/**
 * Why a picked file cannot be a dataset at all (wrong kind, empty), checked before it is read; the size
 * cap is the server's to state (it is configurable), so it is left to createUpload.
 */
export function pickedFileProblem(file: File): string | null {
  const [issue] = datasetFileIssues({ fileName: file.name, fileSize: file.size, contentType: file.type }, Number.POSITIVE_INFINITY);
  return issue?.message ?? null;
}

/** A failed createUpload/confirmUpload in words: the server's field messages when it sent them. */
export function uploadErrorMessage(err: unknown): string {
  if (typeof err === "object" && err !== null && "data" in err) {
    const data = err.data;
    if (typeof data === "object" && data !== null && "issues" in data && Array.isArray(data.issues)) {
      const messages = data.issues.flatMap((i: unknown) =>
        typeof i === "object" && i !== null && "message" in i && typeof i.message === "string" ? [i.message] : [],
      );
      if (messages.length) return messages.join(" ");
    }
  }
  return err instanceof Error ? err.message : String(err);
}
