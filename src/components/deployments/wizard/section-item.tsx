"use client";

import { useFormState } from "react-hook-form";
import { AlertCircle } from "lucide-react";
import { AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion";
import { Badge } from "@/components/ui/badge";
import { countErrors, SECTIONS, type SectionId } from "./sections";
import { useWizardForm } from "./use-wizard-form";

/** One accordion section: title, a one-line summary of the choice, and its error count. */
export function SectionItem(props: {
  id: SectionId;
  title: string;
  icon: React.ReactNode;
  /** Subscribes to its own slice of the form, so a change re-renders only this header line. */
  summary: React.ReactNode;
  children: React.ReactNode;
}) {
  const { control } = useWizardForm();
  const root = SECTIONS.find((s) => s.id === props.id)!.root;
  const { errors } = useFormState({ control, name: root });
  const errorCount = countErrors(errors[root]);
  return (
    <AccordionItem value={props.id} data-section={props.id} className="rounded-xl border bg-card px-4 shadow-xs last:border-b md:px-5">
      <AccordionTrigger className="min-w-0 items-center py-4 hover:no-underline">
        <span className="flex min-w-0 flex-1 items-center gap-3">
          <span
            aria-hidden
            className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-primary/10 text-primary ring-1 ring-primary/15 [&_svg]:size-4.5"
          >
            {props.icon}
          </span>
          <span className="flex min-w-0 flex-col gap-0.5">
            <span className="flex flex-wrap items-center gap-2 text-[0.95rem] font-semibold">
              {props.title}
              {errorCount > 0 ? (
                <Badge variant="destructive" data-testid={`section-errors-${props.id}`}>
                  <AlertCircle aria-hidden />
                  {errorCount} {errorCount === 1 ? "error" : "errors"}
                </Badge>
              ) : null}
            </span>
            <span
              className="group flex min-w-0 items-center gap-1.5 text-xs font-normal text-muted-foreground"
              data-errors={errorCount > 0 || undefined}
              data-testid={`section-summary-${props.id}`}
            >
              {props.summary}
            </span>
          </span>
        </span>
      </AccordionTrigger>
      <AccordionContent className="flex flex-col gap-6 border-t pt-5 pb-5">{props.children}</AccordionContent>
    </AccordionItem>
  );
}
