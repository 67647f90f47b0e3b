"use client";

import { startTransition, useDeferredValue, useEffect, useMemo, useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useDatasetValidation } from "@/lib/datasets/worker/use-dataset-validation";
import { api } from "@/trpc/react";
import { nameFromFile } from "../text";
import { FileRow } from "./file-row";
import { UploadActions } from "./upload-actions";
import { type BaseModelOption, UploadFields } from "./upload-fields";
import {
  createUploadInput,
  emptyUploadForm,
  pickedFileProblem,
  type UploadFormOutput,
  type UploadFormValues,
  uploadFormSchema,
  validatorOptions,
} from "./upload-schema";
import { UploadZone } from "./upload-zone";
import { useDatasetUpload } from "./use-dataset-upload";
import { ValidationProgress } from "./validation-progress";
import { ValidationReport } from "./validation-report";

const NO_MODELS: BaseModelOption[] = [];

/**
 * Pick or drop a file → it is validated in a Web Worker (again whenever the base model or split
 * changes, since both change the result) → Upload sends it only when it has no errors.
 */
export function DatasetUploader() {
  const [file, setFile] = useState<File | null>(null);
  const { state: validation, validate, reset: resetValidation } = useDatasetValidation();
  const { state: upload, start, cancel } = useDatasetUpload();
  const models = api.models.list.useQuery({ type: "chat" }, { staleTime: 5 * 60_000 });
  const options = useMemo(
    () => models.data?.map((m) => ({ id: m.id, name: m.name, contextWindow: m.contextWindow })) ?? NO_MODELS,
    [models.data],
  );
  const form = useForm<UploadFormValues, unknown, UploadFormOutput>({
    resolver: zodResolver(uploadFormSchema),
    defaultValues: emptyUploadForm,
  });
  const baseModelId = useWatch({ control: form.control, name: "baseModelId" });
  const validationSplit = useWatch({ control: form.control, name: "validationSplit" });
  const contextLength = options.find((m) => m.id === baseModelId)?.contextWindow;

  const problem = file ? pickedFileProblem(file) : null;

  useEffect(() => {
    if (!file || pickedFileProblem(file)) return;
    validate(file, validatorOptions({ baseModelId, validationSplit }, () => contextLength, file.name));
  }, [file, baseModelId, validationSplit, contextLength, validate]);

  const choose = (picked: File) => {
    if (!form.getFieldState("name").isDirty) form.setValue("name", nameFromFile(picked.name));
    // The form and report mount in a transition: rendered in slices, they never block input for long.
    startTransition(() => setFile(picked));
  };
  const clear = () => {
    setFile(null);
    resetValidation();
    form.reset(emptyUploadForm);
  };
  const busy = upload.phase === "sending" || upload.phase === "confirming";
  // The form mounts one commit after the file row and progress: two short main-thread tasks, not one long one.
  const formShown = useDeferredValue(file !== null, false);

  const onSubmit = form.handleSubmit(async (values) => {
    if (!file || validation.phase !== "done" || !validation.report.ok) return;
    const id = await start(createUploadInput(values, file), file);
    if (id) {
      toast.success(`${values.name} uploaded`, { description: "The server is checking it again; it will be ready in a moment." });
      clear();
    }
  });

  return (
    <Card className="gap-4 py-5" data-testid="dataset-uploader">
      <CardHeader className="px-5">
        <CardTitle>Upload a dataset</CardTitle>
        <CardDescription>Nothing is sent until the file passes every check.</CardDescription>
      </CardHeader>
      <CardContent className="px-5">
        {!file ? (
          <UploadZone onFile={choose} />
        ) : (
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <div className="flex min-w-0 flex-col gap-4">
              <FileRow file={file} onRemove={clear} disabled={busy} />
              {problem ? (
                <p role="alert" className="rounded-lg border border-destructive/30 bg-destructive/10 p-3 text-sm text-destructive" data-testid="file-problem">
                  {problem}
                </p>
              ) : null}
              {validation.phase === "running" ? (
                <ValidationProgress bytes={validation.bytes} lines={validation.lines} total={file.size} onCancel={clear} />
              ) : null}
              {validation.phase === "failed" ? (
                <p role="alert" className="rounded-lg border border-destructive/30 bg-destructive/10 p-3 text-sm text-destructive">
                  The file could not be checked: {validation.message}
                </p>
              ) : null}
              {validation.phase === "done" ? <ValidationReport report={validation.report} elapsedMs={validation.elapsedMs} /> : null}
            </div>
            {formShown ? (
              <FormProvider {...form}>
                <form aria-label="Upload dataset" onSubmit={onSubmit} className="flex flex-col gap-4 lg:border-l lg:pl-6" noValidate>
                  <UploadFields models={options} disabled={busy} />
                  <UploadActions validation={validation} upload={upload} onCancel={cancel} />
                </form>
              </FormProvider>
            ) : null}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
