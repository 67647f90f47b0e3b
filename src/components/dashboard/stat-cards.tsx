import Link from "next/link";
import { Boxes, Database, type LucideIcon, Receipt, Rocket, SlidersHorizontal } from "lucide-react";
import { formatNumber } from "@/lib/format";
import { formatCents } from "@/lib/pricing/money";
import type { RouterOutputs } from "@/trpc/react";
import { BudgetBar } from "../costs/budget-bar";

type Stats = RouterOutputs["dashboard"]["summary"]["stats"];

function Stat({ href, label, value, icon: Icon, testId, children }: { href: string; label: string; value: string; icon: LucideIcon; testId: string; children?: React.ReactNode }) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className="flex h-full flex-col gap-2 rounded-xl border bg-card p-4 text-card-foreground shadow-sm outline-none transition-colors hover:bg-accent/50 focus-visible:ring-2 focus-visible:ring-ring"
    >
      <span className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
        {label}
        <Icon className="size-4" aria-hidden />
      </span>
      <span className="text-2xl font-semibold tabular-nums" data-value={value}>
        {value}
      </span>
      {children}
    </Link>
  );
}

/** Seed 003's P01 cards plus active deployments and the month's spend; each opens its page. */
export function StatCards({ stats }: { stats: Stats }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-5">
      <Stat href="/datasets" label="Datasets" value={formatNumber(stats.totalDatasets)} icon={Database} testId="stat-datasets" />
      <Stat href="/fine-tuning" label="Active jobs" value={formatNumber(stats.activeJobs)} icon={SlidersHorizontal} testId="stat-active-jobs" />
      <Stat href="/models" label="Completed models" value={formatNumber(stats.completedModels)} icon={Boxes} testId="stat-models" />
      <Stat href="/deployments" label="Active deployments" value={formatNumber(stats.activeDeployments)} icon={Rocket} testId="stat-deployments" />
      <div className="col-span-2 md:col-span-4 xl:col-span-1">
        <Stat href="/costs" label="Spend this month" value={formatCents(stats.spend.spentCents)} icon={Receipt} testId="stat-spend">
          <BudgetBar budget={stats.spend} inLink />
        </Stat>
      </div>
    </div>
  );
}
