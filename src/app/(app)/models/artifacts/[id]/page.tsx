import { ArtifactDetail } from "@/components/artifacts/artifact-detail";
import { PageBody } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Trained model" };

export default async function ArtifactPage({ params }: PageProps<"/models/artifacts/[id]">) {
  const { id } = await params;
  // Awaited, so the server's render and the browser's first render agree.
  await api.artifacts.byId.prefetch({ id });
  return (
    <HydrateClient>
      <PageBody>
        <ArtifactDetail id={id} />
      </PageBody>
    </HydrateClient>
  );
}
