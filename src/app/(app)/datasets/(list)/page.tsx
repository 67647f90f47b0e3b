import { DatasetUploader } from "@/components/datasets/upload/dataset-uploader";
import { DatasetsTable } from "@/components/datasets/list/datasets-table";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  // Same input as the table's first page (no filters, newest first), so it renders without a round trip.
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await api.datasets.list.prefetchInfinite({ limit: 20, sort: "newest" });
  return (
    <HydrateClient>
      <PageBody>
        <PageHeader
          title="Datasets"
          description="Training data for fine-tuning: validated line by line in your browser before upload, and again on the server."
        />
        <DatasetUploader />
        <DatasetsTable />
      </PageBody>
    </HydrateClient>
  );
}
