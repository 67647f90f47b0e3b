import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { NewDeployment } from "@/components/deployments/new-deployment";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "New deployment" };

export default async function NewDeploymentPage({ searchParams }: PageProps<"/deployments/new">) {
  const model = (await searchParams).model;
  const modelId = typeof model === "string" && model.trim() ? model.trim().slice(0, 200) : undefined;
  // The catalog's first page and a preselected model render at once.
  void api.models.list.prefetch({ search: undefined });
  if (modelId) void api.models.byId.prefetch({ id: modelId });
  return (
    <HydrateClient>
      <PageBody>
        <Button asChild variant="ghost" size="sm" className="w-fit">
          <Link href="/deployments">
            <ArrowLeft /> Deployments
          </Link>
        </Button>
        <PageHeader
          title="New deployment"
          description="Configure an inference endpoint. The footer shows what it costs per hour and per month as you choose."
        />
        <NewDeployment initialModelId={modelId} />
      </PageBody>
    </HydrateClient>
  );
}
