"use client";

import { useWatch } from "react-hook-form";
import { CheckCircle2 } from "lucide-react";
import { regionById } from "@/lib/pricing";
import { hardwareSummary } from "./hardware-text";
import { useSelectedModel, useWizardForm } from "./use-wizard-form";

function Line({ done, children }: { done: boolean; children: React.ReactNode }) {
  return (
    <>
      {done ? <CheckCircle2 aria-hidden className="size-3.5 shrink-0 text-emerald-600 group-data-[errors]:hidden dark:text-emerald-400" /> : null}
      <span className="truncate">{children}</span>
    </>
  );
}

export function ModelSummary() {
  const model = useSelectedModel();
  return <Line done={Boolean(model)}>{model ? `${model.name} · ${model.provider}${model.parameterSize ? ` · ${model.parameterSize}` : ""}` : "Choose a model from the catalog"}</Line>;
}

export function HardwareSummary() {
  const { control } = useWizardForm();
  const hardware = useWatch({ control, name: "hardware" });
  return <Line done>{hardwareSummary(hardware)}</Line>;
}

export function ScalingSummary() {
  const { control } = useWizardForm();
  const s = useWatch({ control, name: "scaling" });
  const target = s.trigger === "custom" ? `${s.target.metricName || "custom metric"} at ${s.target.metricValue}` : `${s.trigger.toUpperCase()} at ${s.target.percent}%`;
  const zero = s.minReplicas === 0 ? ` · to zero after ${s.scaleToZeroAfterMinutes} min` : "";
  return (
    <Line done>
      {s.minReplicas}–{s.maxReplicas} replicas · {target}
      {zero} · {s.expectedRequestsPerMinute} req/min
    </Line>
  );
}

export function EnvironmentSummary() {
  const { control } = useWizardForm();
  const e = useWatch({ control, name: "environment" });
  const extras = [
    e.envVars.length ? `${e.envVars.length} variable${e.envVars.length === 1 ? "" : "s"}` : null,
    e.secrets.length ? `${e.secrets.length} secret${e.secrets.length === 1 ? "" : "s"}` : null,
  ].filter(Boolean);
  return (
    <Line done>
      <span className="capitalize">{e.type}</span> · {regionById(e.region)?.label ?? e.region} · {e.priority} priority
      {extras.length ? ` · ${extras.join(", ")}` : ""}
    </Line>
  );
}

export function SecuritySummary() {
  const { control } = useWizardForm();
  const s = useWatch({ control, name: "security" });
  const extras = [s.privateEndpoint ? "private endpoint" : null, s.requestLogging ? "request logging" : null].filter(Boolean);
  return (
    <Line done>
      <span className="capitalize">{s.access}</span> access{extras.length ? ` · ${extras.join(", ")}` : ""}
      {s.requestsPerMinute !== undefined && s.requestsPerMinute >= 1 ? ` · limit ${s.requestsPerMinute.toLocaleString("en")} req/min` : ""}
    </Line>
  );
}
