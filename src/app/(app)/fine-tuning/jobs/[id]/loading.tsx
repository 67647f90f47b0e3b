import { JobSkeleton } from "@/components/fine-tuning/monitor/job-monitor";
import { PageBody } from "@/components/shell/page-header";

export default function Loading() {
  return (
    <PageBody>
      <JobSkeleton />
    </PageBody>
  );
}
