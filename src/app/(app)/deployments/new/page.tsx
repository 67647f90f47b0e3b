import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { ArrowLeft, TriangleAlert } from "lucide-react";
import { NewDeployment } from "@/components/deployments/new-deployment";
import type { WizardAdapter } from "@/components/deployments/wizard/adapter-note";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { isUuid } from "@/lib/uuid";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "New deployment" };

/** The trained model `?artifact=` names, as the wizard needs it; null when it is not the caller's. */
async function adapterFor(id: string): Promise<WizardAdapter | null> {
  try {
    const a = await api.artifacts.byId({ id });
    return { artifactId: a.id, name: a.name, version: a.version, baseModelId: a.baseModel.id, baseModelName: a.baseModel.name };
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) return null;
    throw err;
  }
}

export default async function NewDeploymentPage({ searchParams }: PageProps<"/deployments/new">) {
  const { model, artifact } = await searchParams;
  const artifactId = typeof artifact === "string" && isUuid(artifact.trim()) ? artifact.trim() : undefined;
  const adapter = artifactId ? await adapterFor(artifactId) : null;
  const requested = typeof model === "string" && model.trim() ? model.trim().slice(0, 200) : undefined;
  const modelId = adapter?.baseModelId ?? requested;
  // The catalog's first page and a preselected model render at once.
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await Promise.all([api.models.list.prefetch({ search: undefined }), modelId ? api.models.byId.prefetch({ id: modelId }) : null]);
  return (
    <HydrateClient>
      <PageBody>
        <Button asChild variant="ghost" size="sm" className="w-fit">
          <Link href="/deployments">
            <ArrowLeft /> Deployments
          </Link>
        </Button>
        <PageHeader
          title={adapter ? `Deploy ${adapter.name}` : "New deployment"}
          description="Configure an inference endpoint. The footer shows what it costs per hour and per month as you choose."
        />
        {artifact !== undefined && !adapter ? (
          <p className="flex items-start gap-2 rounded-lg border border-amber-500/30 bg-amber-500/10 p-3 text-sm text-amber-800 dark:text-amber-300" role="alert">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            That trained model does not exist or is not yours: configure a deployment of a catalog model instead.
          </p>
        ) : null}
        <NewDeployment initialModelId={modelId} initialAdapter={adapter ?? undefined} />
      </PageBody>
    </HydrateClient>
  );
}
