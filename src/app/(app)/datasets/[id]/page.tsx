import { notFound } from "next/navigation";
import { DatasetDetail } from "@/components/datasets/detail/dataset-detail";
import { PageBody } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Dataset" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function DatasetPage({ params }: PageProps<"/datasets/[id]">) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
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
