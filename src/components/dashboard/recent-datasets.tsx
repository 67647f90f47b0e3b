import Link from "next/link";
import { formatNumber, formatRelative } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/react";
import { DatasetStatusBadge } from "../datasets/status-badge";
import { CardEmpty, DashboardCard } from "./dashboard-card";

type Dataset = RouterOutputs["dashboard"]["summary"]["recentDatasets"][number];

export function RecentDatasets({ datasets }: { datasets: Dataset[] }) {
  return (
    <DashboardCard title="Recent datasets" href="/datasets" linkLabel="All datasets" testId="recent-datasets">
      {datasets.length === 0 ? (
        <CardEmpty text="Upload a JSONL or CSV of conversations to fine-tune on." href="/datasets" action="Upload a dataset" />
      ) : (
        <ul className="flex flex-col divide-y">
          {datasets.map((d) => (
            <li key={d.id} className="flex items-center gap-3 py-2 text-sm">
              <div className="flex min-w-0 flex-1 flex-col">
                <Link href={`/datasets/${d.id}`} className="truncate font-medium outline-none hover:underline focus-visible:underline">
                  {d.name}
                </Link>
                <span className="text-xs text-muted-foreground">
                  {d.exampleCount === null ? "" : `${formatNumber(d.exampleCount)} examples · `}
                  {formatRelative(d.createdAt)}
                </span>
              </div>
              <DatasetStatusBadge status={d.status} />
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
