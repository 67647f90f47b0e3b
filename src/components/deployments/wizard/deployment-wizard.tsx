"use client";

import { useEffect, useId, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Accordion } from "@/components/ui/accordion";
import { type DeploymentConfig, type DeploymentConfigInput, defaultDeploymentConfig } from "@/lib/deployments/schema";
import type { FitModel } from "@/lib/model-fit";
import { clearDraft, loadDraft, saveDraft } from "./draft";
import { EndpointNameHeader } from "./endpoint-name-header";
import { CostFooter } from "./cost-footer";
import { PaymentDialog } from "./payment-dialog";
import { PaymentNote } from "./payment-note";
import { wizardResolver } from "./resolver";
import { errorPaths, firstSectionWithError, type SectionId } from "./sections";
import { WizardSections } from "./wizard-sections";
import { serverFieldErrors } from "./server-errors";
import { TermsDialog } from "./terms-dialog";
import { TokenDialog } from "./token-dialog";
import { type CreateDeployment, type Created, useDeployFlow } from "./use-deploy-flow";
import { SelectedModelSync } from "./selected-model-sync";
import { type WizardAdapter, WizardAdapterContext } from "./adapter-note";
import { endpointNameFor } from "@/lib/deployments/adapter";

/** Focus the first invalid control inside `root` (a radio group focuses its checked or first item). */
function focusFirstInvalid(root: ParentNode | null) {
  const el = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return;
  const inner = ['[data-state="checked"]:not([disabled])', "button:not([disabled])", "input:not([disabled])"];
  const target = el.matches("input,button,select,textarea")
    ? el
    : (inner.map((s) => el.querySelector<HTMLElement>(s)).find(Boolean) ?? el);
  target.focus();
  target.scrollIntoView({ block: "center", behavior: "smooth" });
}

/** The New Deployment wizard: one form, five accordion sections, a live cost footer, then terms → payment → create. */
export function DeploymentWizard(props: { initialModelId?: string; initialAdapter?: WizardAdapter; create: CreateDeployment }) {
  const router = useRouter();
  const formId = useId();
  const modelRef = useRef<FitModel | null>(null);
  const form = useForm<DeploymentConfigInput, unknown, DeploymentConfig>({
    defaultValues: defaultDeploymentConfig,
    resolver: wizardResolver(() => modelRef.current),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const [open, setOpen] = useState<string[]>(["model"]);
  const [focusTarget, setFocusTarget] = useState<{ section: SectionId | "name"; n: number } | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [restored, setRestored] = useState(false);
  // Read once: a new object from a server re-render must not reset the form.
  const initialAdapter = useRef(props.initialAdapter).current;

  // The draft is read after mount (localStorage is browser-only), then saved on every change.
  useEffect(() => {
    const draft = loadDraft(defaultDeploymentConfig);
    const start = { ...(draft ?? defaultDeploymentConfig), ...(props.initialModelId ? { modelId: props.initialModelId } : {}) };
    const adapter = initialAdapter;
    // From a trained model's Deploy: its base model, the adapter, and a name after it unless one is typed.
    const prefilled = adapter
      ? { ...start, modelId: adapter.baseModelId, adapter: { artifactId: adapter.artifactId }, name: start.name || endpointNameFor(adapter.name, adapter.version) }
      : start;
    form.reset(prefilled, { keepDefaultValues: true });
    if (props.initialModelId || adapter) setOpen(["hardware"]);
    setRestored(true);
  }, [form, props.initialModelId, initialAdapter]);
  useEffect(() => {
    if (!restored) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      saveDraft(form.getValues());
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
  }, [form, restored]);

  // After the accordion opened the section with the first error, move focus into it.
  useEffect(() => {
    if (!focusTarget) return;
    const frame = requestAnimationFrame(() => {
      focusFirstInvalid(document.querySelector(focusTarget.section === "name" ? "[data-endpoint-name]" : `[data-section="${focusTarget.section}"]`));
    });
    return () => cancelAnimationFrame(frame);
  }, [focusTarget]);

  function revealErrors(errors: Record<string, unknown>) {
    const section = errorPaths(errors)[0] === "name" ? "name" : firstSectionWithError(errors);
    if (!section) return;
    if (section !== "name") setOpen((o) => (o.includes(section) ? o : [...o, section]));
    setFocusTarget((t) => ({ section, n: (t?.n ?? 0) + 1 }));
  }

  const flow = useDeployFlow(
    props.create,
    (c) => {
      clearDraft();
      if (c.apiToken) setCreated(c);
      else router.push(`/deployments/${c.id}`);
    },
    (err) => {
      const fields = serverFieldErrors(err);
      for (const f of fields) form.setError(f.path, { type: "server", message: f.message });
      if (fields.length > 0) revealErrors(form.formState.errors);
      else toast.error("Could not create the deployment", { description: err instanceof Error ? err.message : String(err) });
    },
  );

  const onSubmit = form.handleSubmit(
    (config) => flow.submit(config),
    (errors) => revealErrors(errors),
  );

  return (
    <FormProvider {...form}>
      <WizardAdapterContext value={initialAdapter ?? null}>
        <SelectedModelSync modelRef={modelRef} />
        <form id={formId} onSubmit={onSubmit} noValidate aria-label="New deployment" className="flex flex-col gap-4" data-ready={restored || undefined}>
          <EndpointNameHeader />
          <Accordion type="multiple" value={open} onValueChange={setOpen} className="flex flex-col gap-3">
            <WizardSections />
          </Accordion>
        </form>
        <PaymentNote payment={flow.payment} onChange={flow.forgetPayment} />
        <CostFooter formId={formId} busy={flow.busy} />
        <TermsDialog open={flow.step === "terms"} onOpenChange={(o) => !o && flow.cancel()} onAccept={flow.acceptTerms} />
        <PaymentDialog open={flow.step === "payment"} onOpenChange={(o) => !o && flow.cancel()} onSave={flow.savePayment} />
        <TokenDialog token={created?.apiToken ?? null} onDone={() => created && router.push(`/deployments/${created.id}`)} />
      </WizardAdapterContext>
    </FormProvider>
  );
}
