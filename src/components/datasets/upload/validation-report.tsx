import { CircleAlert, CircleCheck, TriangleAlert } from "lucide-react";
import { DATASET_FORMAT_LABELS, type DatasetReport } from "@/lib/datasets/types";
import { cn } from "@/lib/utils";
import { IssueList } from "../issue-list";
import { RoleBar } from "../role-bar";
import { StatsGrid } from "../stats-grid";
import { formatDuration, plural } from "../text";

function Verdict({ report, elapsedMs }: { report: DatasetReport; elapsedMs: number }) {
  const format = report.format ? DATASET_FORMAT_LABELS[report.format] : "an unrecognised format";
  const took = `checked in ${formatDuration(elapsedMs)}`;
  const [Icon, tone, title] = !report.ok
    ? [CircleAlert, "border-destructive/30 bg-destructive/10 text-destructive", `${plural(report.totalErrors, "error")} to fix before uploading`]
    : report.totalWarnings
      ? [TriangleAlert, "border-amber-500/30 bg-amber-500/10 text-amber-800 dark:text-amber-300", `Ready to upload, with ${plural(report.totalWarnings, "warning")}`]
      : [CircleCheck, "border-emerald-500/30 bg-emerald-500/10 text-emerald-800 dark:text-emerald-300", "Ready to upload"];
  return (
    <div className={cn("flex items-start gap-3 rounded-lg border p-3", tone)} role={report.ok ? "status" : "alert"}>
      <Icon className="mt-0.5 size-5 shrink-0" aria-hidden />
      <div className="flex min-w-0 flex-col gap-0.5">
        <p className="font-medium" data-testid="validation-verdict">
          {title}
        </p>
        <p className="text-sm opacity-90">
          {plural(report.stats.examples, "example")} in {format} · {took}
        </p>
      </div>
    </div>
  );
}

/** What the browser found in the file: verdict, statistics, and the errors and warnings by line. */
export function ValidationReport({ report, elapsedMs }: { report: DatasetReport; elapsedMs: number }) {
  const errors = <IssueList kind="error" issues={report.errors} counts={report.errorCounts} total={report.totalErrors} />;
  const stats =
    report.stats.examples > 0 ? (
      <>
        <StatsGrid stats={report.stats} />
        <RoleBar roles={report.stats.roles} />
      </>
    ) : null;
  return (
    <div
      className="flex min-w-0 flex-col gap-4"
      data-testid="validation-report"
      data-ok={report.ok}
      data-format={report.format ?? ""}
      data-elapsed-ms={Math.round(elapsedMs)}
    >
      <Verdict report={report} elapsedMs={elapsedMs} />
      {/* What to fix leads when there is something to fix; otherwise the figures do. */}
      {report.ok ? stats : errors}
      {report.ok ? errors : stats}
      <IssueList kind="warning" issues={report.warnings} counts={report.warningCounts} total={report.totalWarnings} />
    </div>
  );
}
