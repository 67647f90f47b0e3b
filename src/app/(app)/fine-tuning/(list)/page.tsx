import Link from "next/link";
import { Suspense } from "react";
import { Plus } from "lucide-react";
import { JobsTable } from "@/components/fine-tuning/jobs/jobs-table";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Fine-tuning" };

export default async function FineTuningPage() {
  // The unfiltered first page, as the table asks for it, renders without a client round trip (awaited,
  // so the server's render and the browser's first render agree).
  await api.fineTuning.list.prefetchInfinite({ limit: 20 });
  return (
    <HydrateClient>
      <PageBody>
        <PageHeader
          title="Fine-tuning"
          description="LoRA training jobs on your datasets: live status, cost so far and the models they produced."
          actions={
            <Button asChild>
              <Link href="/fine-tuning/new">
                <Plus /> New fine-tuning job
              </Link>
            </Button>
          }
        />
        {/* useSearchParams (the status filter) needs a Suspense boundary to prerender. */}
        <Suspense>
          <JobsTable />
        </Suspense>
      </PageBody>
    </HydrateClient>
  );
}
