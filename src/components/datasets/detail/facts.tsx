import { DATASET_FORMAT_LABELS } from "@/lib/datasets/types";
import type { RouterOutputs } from "@/trpc/react";
import { formatBytes } from "@/lib/datasets/upload-target";

type Detail = RouterOutputs["datasets"]["byId"];

/** What was uploaded and how it was checked. */
export function Facts({ d }: { d: Detail }) {
  const facts: Array<[string, string]> = [
    ["File", d.fileName],
    ["Size", formatBytes(d.fileSize)],
    ["Format", d.format ? DATASET_FORMAT_LABELS[d.format] : "Not detected yet"],
    ["Tokenizer", d.tokenizer ?? "—"],
    [
      "Base model",
      d.baseModelId
        ? `${d.baseModelId}${d.contextLength ? ` · examples checked against ${d.contextLength.toLocaleString("en")} tokens` : ""}`
        : "Not chosen (no context-length check)",
    ],
    ["Validation split", d.validationSplit ? `${Math.round(d.validationSplit * 100)}% held out` : "None"],
    ["Uploaded", (d.uploadedAt ?? d.createdAt).toLocaleString()],
    ["Validated", d.validatedAt ? d.validatedAt.toLocaleString() : "—"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-1">
      {facts.map(([k, v]) => (
        <div key={k} className="flex min-w-0 flex-col gap-0.5">
          <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{k}</dt>
          <dd className="text-sm break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
