import { DatasetDetail } from "@/components/datasets/detail/dataset-detail";
import { PageBody } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Dataset" };

export default async function DatasetPage({ params }: PageProps<"/datasets/[id]">) {
  const { id } = await params;
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await api.datasets.byId.prefetch({ id });
  return (
    <HydrateClient>
      <PageBody>
        <DatasetDetail id={id} />
      </PageBody>
    </HydrateClient>
  );
}
