import { StatusTimeline, humanizeStep } from "@/components/ui/status-timeline";
import { DATASET_EVENT_LABELS, DATASET_EVENTS, DATASET_STATUS_LABELS, isTransient } from "@/lib/dataset-lifecycle";
import type { RouterOutputs } from "@/trpc/react";

type Detail = RouterOutputs["datasets"]["byId"];
type Status = Detail["status"];

const STEP_LABELS: Record<string, string> = { created: "Upload started", deleted: "Deleted", file_removed: "File removed" };

function stepLabel(step: string): string {
  const event = DATASET_EVENTS.find((e) => e === step);
  if (event) return DATASET_EVENT_LABELS[event];
  return STEP_LABELS[step] ?? humanizeStep(step);
}

/** The dataset's status changes, with a live row while it uploads or validates. */
export function Timeline({ d }: { d: Detail }) {
  return (
    <StatusTimeline
      label="Dataset timeline"
      events={d.events}
      status={d.status}
      moving={isTransient(d.status)}
      stepLabel={stepLabel}
      statusLabel={(s: Status) => DATASET_STATUS_LABELS[s]}
      isFailure={(s) => s === "error"}
    />
  );
}
