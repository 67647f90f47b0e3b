"use client";

import { useEffect, useId, useRef, useState } from "react";
import { type FieldErrors, FormProvider, type UseFormReturn, useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { Accordion } from "@/components/ui/accordion";
import type { FitModel } from "@/lib/model-fit";
import { defaultTrainingConfig, type TrainingConfig, type TrainingConfigInput } from "@/lib/training/schema";
import { AdvancedSection } from "./advanced-section";
import { BaseModelSection } from "./base-model-section";
import { BaseModelSync } from "./base-model-sync";
import { clearTrainingDraft, initialConfig, loadTrainingDraft, saveTrainingDraft } from "./draft";
import { DatasetSection } from "./dataset-section";
import { errorFields, focusField } from "./error-fields";
import { EstimateBar } from "./estimate-bar";
import { EstimatePanel } from "./estimate-panel";
import { HardwareSection } from "./hardware-section";
import { PresetSection } from "./preset-section";
import { configuratorResolver } from "./resolver";
import { SectionCard } from "./section-card";
import { useStartTraining } from "./use-start-training";

/** Keeps the form's draft in localStorage: after every change (debounced), and on leaving the page. */
function useDraftPersistence(form: UseFormReturn<TrainingConfigInput, unknown, TrainingConfig>, on: boolean) {
  useEffect(() => {
    if (!on) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      saveTrainingDraft(form.getValues());
    };
    const sub = form.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(flush, 250);
    });
    // A reload or tab close within the debounce still keeps the last change.
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      clearTimeout(timer);
      sub.unsubscribe();
    };
  }, [form, on]);
}

/** The Training Configurator: dataset, base model, preset, advanced settings, GPUs, a live estimate, Start. */
export function TrainingConfigurator(props: { userId: string; initialDatasetId?: string; initialModelId?: string }) {
  const router = useRouter();
  const formId = useId();
  const modelRef = useRef<FitModel | null>(null);
  const form = useForm<TrainingConfigInput, unknown, TrainingConfig>({
    defaultValues: defaultTrainingConfig,
    resolver: configuratorResolver(() => modelRef.current),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const [open, setOpen] = useState<string>("");
  const [restored, setRestored] = useState(false);
  const [focusTarget, setFocusTarget] = useState<{ path: string; n: number } | null>(null);

  // The draft is read after mount (localStorage is browser-only); the URL's dataset and model win over it.
  useEffect(() => {
    const start = initialConfig(defaultTrainingConfig, loadTrainingDraft(defaultTrainingConfig), {
      datasetId: props.initialDatasetId,
      baseModelId: props.initialModelId,
    });
    form.reset(start, { keepDefaultValues: true });
    if (start.presetId === "custom") setOpen("advanced");
    setRestored(true);
  }, [form, props.initialDatasetId, props.initialModelId]);
  useDraftPersistence(form, restored);

  // After the advanced section opened for an error inside it, move focus to the first problem.
  useEffect(() => {
    if (!focusTarget) return;
    const frame = requestAnimationFrame(() => focusField(focusTarget.path));
    return () => cancelAnimationFrame(frame);
  }, [focusTarget]);

  function revealField(path: string) {
    if (path.startsWith("hyperparameters.")) setOpen("advanced");
    setFocusTarget((t) => ({ path, n: (t?.n ?? 0) + 1 }));
  }

  function reveal(errors: FieldErrors<TrainingConfigInput>) {
    const first = errorFields(errors)[0];
    if (first) revealField(first);
  }

  const flow = useStartTraining(props.userId, (id) => {
    clearTrainingDraft();
    router.push(`/fine-tuning/jobs/${id}`);
  });

  const onSubmit = form.handleSubmit(
    async (config) => {
      const error = await flow.start(config);
      if (!error) return;
      for (const f of error.fields) form.setError(f.field, { type: "server", message: f.message });
      if (error.fields.length > 0) reveal(form.formState.errors);
    },
    (errors) => {
      flow.clearError();
      reveal(errors);
    },
  );

  return (
    <FormProvider {...form}>
      <BaseModelSync modelRef={modelRef} />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_21rem]">
        <form
          id={formId}
          onSubmit={onSubmit}
          noValidate
          aria-label="New fine-tuning job"
          className="flex min-w-0 flex-col gap-4"
          data-ready={restored || undefined}
        >
          <SectionCard id="dataset" step={1} title="Dataset" description="What the adapter learns from.">
            <DatasetSection />
          </SectionCard>
          <SectionCard id="model" step={2} title="Base model" description="The open model the LoRA adapter is trained on.">
            <BaseModelSection />
          </SectionCard>
          <SectionCard
            id="preset"
            step={3}
            title="Training settings"
            description="A preset fills the settings; change any of them and the configuration becomes Custom."
          >
            <PresetSection onCustom={() => setOpen("advanced")} />
            <Accordion type="single" collapsible value={open} onValueChange={setOpen}>
              <AdvancedSection />
            </Accordion>
          </SectionCard>
          <SectionCard id="hardware" step={4} title="GPUs" description="Where the job runs: more or faster GPUs finish sooner.">
            <HardwareSection />
          </SectionCard>
        </form>
        <div className="flex min-w-0 flex-col gap-4 lg:sticky lg:top-20">
          <EstimatePanel formId={formId} busy={flow.busy} error={flow.error} onField={revealField} />
        </div>
      </div>
      <EstimateBar formId={formId} busy={flow.busy} />
    </FormProvider>
  );
}
