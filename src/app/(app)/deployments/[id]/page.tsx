import { Suspense } from "react";
import { DeploymentDetail } from "@/components/deployments/detail/deployment-detail";
import { PageBody } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Deployment" };

export default async function DeploymentPage({ params }: PageProps<"/deployments/[id]">) {
  const { id } = await params;
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await api.deployments.byId.prefetch({ id });
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
