import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DeploymentDetail } from "@/components/deployments/detail/deployment-detail";
import { PageBody } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Deployment" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function DeploymentPage({ params }: PageProps<"/deployments/[id]">) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  void api.deployments.byId.prefetch({ id });
  return (
    <HydrateClient>
      <PageBody>
        {/* useSearchParams (the open tab, the metrics range) needs a Suspense boundary to prerender. */}
        <Suspense>
          <DeploymentDetail id={id} />
        </Suspense>
      </PageBody>
    </HydrateClient>
  );
}
