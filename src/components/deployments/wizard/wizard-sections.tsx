"use client";

import { memo } from "react";
import { Boxes, Cpu, Gauge, Server, ShieldCheck } from "lucide-react";
import { EnvironmentSection } from "./environment-section";
import { HardwareSection } from "./hardware-section";
import { ModelSection } from "./model-section";
import { ScalingSection } from "./scaling-section";
import { SectionItem } from "./section-item";
import { EnvironmentSummary, HardwareSummary, ModelSummary, ScalingSummary, SecuritySummary } from "./section-summaries";
import { SecuritySection } from "./security-section";

/** The five accordion sections in page order (./sections.ts holds the same order for error routing). */
// Memoised: the wizard's own re-renders (dialogs, errors) need not redraw every section.
export const WizardSections = memo(function WizardSections() {
  return (
    <>
      <SectionItem id="model" title="Foundation Model" icon={<Boxes />} summary={<ModelSummary />}>
        <ModelSection />
      </SectionItem>
      <SectionItem id="hardware" title="Hardware Configuration" icon={<Cpu />} summary={<HardwareSummary />}>
        <HardwareSection />
      </SectionItem>
      <SectionItem id="scaling" title="Scaling" icon={<Gauge />} summary={<ScalingSummary />}>
        <ScalingSection />
      </SectionItem>
      <SectionItem id="environment" title="Environment" icon={<Server />} summary={<EnvironmentSummary />}>
        <EnvironmentSection />
      </SectionItem>
      <SectionItem id="security" title="Security" icon={<ShieldCheck />} summary={<SecuritySummary />}>
        <SecuritySection />
      </SectionItem>
    </>
  );
});
