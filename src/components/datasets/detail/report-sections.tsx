import { Loader2 } from "lucide-react";
import type { RouterOutputs } from "@/trpc/react";
import { ChatPreview } from "../chat-preview";
import { IssueList } from "../issue-list";
import { RoleBar } from "../role-bar";
import { ServerProgress } from "../server-progress";
import { StatsGrid } from "../stats-grid";
import { TokenHistogram } from "../token-histogram";
import { SectionCard } from "./section-card";

type Detail = RouterOutputs["datasets"]["byId"];

/** The server's report: statistics, token lengths, errors and warnings by line, and the preview. */
export function ReportSections({ d }: { d: Detail }) {
  if (d.status === "uploading" || d.status === "validating") {
    return (
      <SectionCard title="Validation">
        <div className="flex flex-col gap-3">
          <p className="flex items-center gap-2 text-sm text-muted-foreground" aria-live="polite">
            <Loader2 className="size-4 animate-spin text-primary" aria-hidden />
            {d.status === "uploading"
              ? "Waiting for the file to arrive. If the upload was interrupted, delete this dataset and upload the file again."
              : "Checking every line on the server and counting tokens; statistics and a preview appear here when it is done."}
          </p>
          {d.status === "validating" ? <ServerProgress validatedBytes={d.validatedBytes} fileSize={d.fileSize} /> : null}
        </div>
      </SectionCard>
    );
  }
  return (
    <>
      {d.totalErrors > 0 ? (
        <SectionCard title="Errors" description="Fix these in the file and upload it again; lines are 1-based.">
          <IssueList kind="error" issues={d.errors} counts={d.errorCounts} total={d.totalErrors} />
        </SectionCard>
      ) : null}
      {d.stats && d.stats.examples > 0 ? (
        <>
          <SectionCard title="Statistics">
            <div className="flex flex-col gap-4">
              <StatsGrid stats={d.stats} />
              <RoleBar roles={d.stats.roles} />
            </div>
          </SectionCard>
          <SectionCard title="Token lengths">
            <TokenHistogram bins={d.stats.histogram} tokenizer={d.stats.tokenizer} />
          </SectionCard>
        </>
      ) : null}
      {d.totalWarnings > 0 ? (
        <SectionCard title="Warnings" description="Training can start with these, but they are worth a look.">
          <IssueList kind="warning" issues={d.warnings} counts={d.warningCounts} total={d.totalWarnings} />
        </SectionCard>
      ) : null}
      {d.preview.length ? (
        <SectionCard title="Preview" description={`The first ${d.preview.length} valid examples.`}>
          <ChatPreview examples={d.preview} />
        </SectionCard>
      ) : null}
    </>
  );
}
