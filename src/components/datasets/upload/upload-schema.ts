import { z } from "zod";
import type { DatasetValidatorOptions } from "@/lib/datasets/types";
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
  name: safeText().trim().min(1, { error: "Give the dataset a name." }).max(200, { error: "At most 200 characters." }),
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
    contentType: file.type || (file.name.toLowerCase().endsWith(".csv") ? "text/csv" : "application/jsonl"),
    baseModelId: values.baseModelId === NO_MODEL ? undefined : values.baseModelId,
    validationSplit: split > 0 ? split : undefined,
  };
}
