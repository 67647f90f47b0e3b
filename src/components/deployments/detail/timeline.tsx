import { StatusTimeline, humanizeStep } from "@/components/ui/status-timeline";
import { DEPLOYMENT_EVENTS, EVENT_LABELS, isTransient, STATUS_LABELS } from "@/lib/deployment-lifecycle";
import type { RouterOutputs } from "@/trpc/react";

type Detail = RouterOutputs["deployments"]["byId"];
type Status = Detail["status"];

function stepLabel(step: string): string {
  const event = DEPLOYMENT_EVENTS.find((ev) => ev === step);
  if (event) return EVENT_LABELS[event];
  return step === "created" ? "Deployment requested" : humanizeStep(step);
}

/** The deployment's status changes, with a live "in progress" row while it is moving. */
export function Timeline({ deployment }: { deployment: Detail }) {
  return (
    <StatusTimeline
      label="Deployment timeline"
      events={deployment.events}
      status={deployment.status}
      moving={isTransient(deployment.status)}
      stepLabel={stepLabel}
      statusLabel={(s: Status) => STATUS_LABELS[s]}
      isFailure={(s) => s === "failed"}
    />
  );
}
