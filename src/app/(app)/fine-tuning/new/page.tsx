import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { TrainingConfigurator } from "@/components/fine-tuning/configurator/training-configurator";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/server/auth";
import { isUuid } from "@/lib/uuid";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "New fine-tuning job" };

export default async function NewFineTuningPage({ searchParams }: PageProps<"/fine-tuning/new">) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const query = await searchParams;
  const datasetId = typeof query.dataset === "string" && isUuid(query.dataset.trim()) ? query.dataset.trim() : undefined;
  const modelId = typeof query.model === "string" && query.model.trim() ? query.model.trim().slice(0, 200) : undefined;
  // The catalog and the dataset's summary render at once (awaited, so the server's render and the
  // browser's first render agree).
  await Promise.all([
    api.models.list.prefetch({ search: undefined }),
    datasetId ? api.datasets.byId.prefetch({ id: datasetId }) : null,
    modelId ? api.models.byId.prefetch({ id: modelId }) : null,
  ]);
  return (
    <HydrateClient>
      <PageBody>
        <Button asChild variant="ghost" size="sm" className="w-fit">
          <Link href="/fine-tuning">
            <ArrowLeft /> Fine-tuning
          </Link>
        </Button>
        <PageHeader
          title="New fine-tuning job"
          description="Train a LoRA adapter on your dataset. The estimate follows every change; nothing runs until you press Start training."
        />
        {/* The signed-in user goes into the training graph's meta; the server checks it is the caller. */}
        <TrainingConfigurator userId={user.id} initialDatasetId={datasetId} initialModelId={modelId} />
      </PageBody>
    </HydrateClient>
  );
}
