import { JobMonitor } from "@/components/fine-tuning/monitor/job-monitor";
import { PageBody } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Training job" };

export default async function TrainingJobPage({ params }: PageProps<"/fine-tuning/jobs/[id]">) {
  const { id } = await params;
  // Awaited: the first render on the server and in the browser then show the same job (no hydration mismatch).
  await api.fineTuning.byId.prefetch({ id });
  return (
    <HydrateClient>
      <PageBody>
        <JobMonitor id={id} />
      </PageBody>
    </HydrateClient>
  );
}
