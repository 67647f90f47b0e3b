"use client";

import { useWatch } from "react-hook-form";
import { LIMITS } from "@/lib/deployments/schema";
import { NumberField } from "./number-field";
import { RadioField } from "./radio-field";
import { TextField } from "./text-field";
import { useWizardForm } from "./use-wizard-form";

const TRIGGERS = [
  { value: "gpu", label: "GPU utilisation", detail: "Add replicas when GPUs run hot" },
  { value: "cpu", label: "CPU utilisation", detail: "For CPU instances and light models" },
  { value: "custom", label: "Custom metric", detail: "A metric your container exports" },
] as const;

/** Scaling: replica bounds (0 = scale to zero after an idle time), what triggers scaling, expected traffic. */
export function ScalingSection() {
  const { control } = useWizardForm();
  const [minReplicas, trigger] = useWatch({ control, name: ["scaling.minReplicas", "scaling.trigger"] });

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <NumberField
          name="scaling.minReplicas"
          label="Min replicas"
          min={LIMITS.minReplicas.min}
          max={LIMITS.minReplicas.max}
          hint="0 scales to zero when idle"
        />
        <NumberField name="scaling.maxReplicas" label="Max replicas" min={LIMITS.maxReplicas.min} max={LIMITS.maxReplicas.max} />
        {minReplicas === 0 ? (
          <NumberField
            name="scaling.scaleToZeroAfterMinutes"
            label="Scale to zero after"
            min={LIMITS.scaleToZeroAfterMinutes.min}
            max={LIMITS.scaleToZeroAfterMinutes.max}
            suffix="min idle"
            hint="The first request after that waits for a cold start"
          />
        ) : null}
      </div>
      <RadioField name="scaling.trigger" label="Autoscaling trigger" options={TRIGGERS} />
      <div className="grid gap-4 sm:grid-cols-3">
        {trigger === "custom" ? (
          <>
            <TextField name="scaling.target.metricName" label="Metric name" placeholder="pending_requests" />
            <NumberField name="scaling.target.metricValue" label="Target per replica" min={0} step={1} />
          </>
        ) : (
          <NumberField
            name="scaling.target.percent"
            label="Target utilisation"
            min={LIMITS.targetPercent.min}
            max={LIMITS.targetPercent.max}
            suffix="%"
            hint="Scale out above this"
          />
        )}
        <NumberField
          name="scaling.expectedRequestsPerMinute"
          label="Expected traffic"
          min={0}
          suffix="req/min"
          hint="Sets the expected monthly cost"
        />
      </div>
    </>
  );
}
