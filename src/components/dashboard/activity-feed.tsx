import Link from "next/link";
import { Database, type LucideIcon, Rocket, SlidersHorizontal } from "lucide-react";
import { formatRelative } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/react";
import { CardEmpty, DashboardCard } from "./dashboard-card";

type Activity = RouterOutputs["dashboard"]["summary"]["recentActivity"][number];

const KIND_ICON: Record<Activity["kind"], LucideIcon> = { dataset: Database, training_job: SlidersHorizontal, deployment: Rocket };

/** The latest timeline entries across datasets, training and deployments. */
export function ActivityFeed({ items }: { items: Activity[] }) {
  return (
    <DashboardCard title="Recent activity" href="/notifications" linkLabel="Notifications" testId="recent-activity">
      {items.length === 0 ? (
        <CardEmpty text="What your datasets, jobs and deployments do shows up here." href="/datasets" action="Start with a dataset" />
      ) : (
        <ol className="flex flex-col gap-3">
          {items.map((a) => {
            const Icon = KIND_ICON[a.kind];
            return (
              <li key={`${a.kind}:${a.resourceId}:${a.at.toISOString()}:${a.step}`} className="flex gap-3 text-sm">
                <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                <div className="flex min-w-0 flex-1 flex-col">
                  <span className="min-w-0">
                    <Link href={a.link} className="font-medium outline-none hover:underline focus-visible:underline">
                      {a.resourceName}
                    </Link>{" "}
                    <span className="text-muted-foreground">{a.message ?? a.step.replaceAll("_", " ")}</span>
                  </span>
                  <time dateTime={a.at.toISOString()} className="text-xs text-muted-foreground/80">
                    {formatRelative(a.at)}
                  </time>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </DashboardCard>
  );
}
