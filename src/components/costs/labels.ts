import type { CostResourceType, CostType } from "@/lib/costs/types";

export const COST_TYPE_LABEL: Record<CostType, string> = {
  compute: "Compute",
  storage: "Storage",
  data_transfer: "Data transfer",
  api_calls: "API calls",
};

/** One chart colour per type, the same in the legend, the bars and the breakdown dots. */
export const COST_TYPE_COLOR: Record<CostType, string> = {
  compute: "var(--chart-1)",
  storage: "var(--chart-2)",
  data_transfer: "var(--chart-3)",
  api_calls: "var(--chart-4)",
};

export const RESOURCE_TYPE_LABEL: Record<CostResourceType, string> = {
  deployment: "Deployment",
  training_job: "Training job",
  dataset: "Dataset",
  artifact: "Model artifact",
};

/** The page that shows a billed resource. */
export function resourceHref(type: CostResourceType, id: string): string {
  switch (type) {
    case "deployment":
      return `/deployments/${id}`;
    case "training_job":
      return `/fine-tuning/jobs/${id}`;
    case "dataset":
      return `/datasets/${id}`;
    case "artifact":
      return `/models/artifacts/${id}`;
  }
}

/** Cents to dollars for a record: its exact micro-cents, so a fraction of a cent is not shown as $0.00. */
export function formatMicroCents(micro: number): string {
  const dollars = micro / 1e8;
  if (micro > 0 && dollars < 0.01) return `$${dollars.toFixed(dollars < 0.0001 ? 6 : 4)}`;
  return `$${dollars.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "Dec 2" for a YYYY-MM-DD day (UTC, as the ledger counts days). */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
}
