import { Suspense } from "react";
import { ModelsBrowser } from "@/components/models/models-browser";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Models" };

function param(v: string | string[] | undefined) {
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

export default async function ModelsPage({ searchParams }: PageProps<"/models">) {
  const sp = await searchParams;
  // Same input the browser builds from the URL, so the first render needs no client fetch.
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await Promise.all([
    api.models.list.prefetch({ search: param(sp.q), provider: param(sp.provider), type: param(sp.type) as never, size: param(sp.size) as never }),
    api.models.providers.prefetch(),
  ]);
  return (
    <HydrateClient>
      <PageBody>
        <PageHeader title="Models" description="Open and hosted foundation models to chat with, fine-tune and deploy." />
        <Suspense fallback={<Skeleton className="h-96 w-full" />}>
          <ModelsBrowser />
        </Suspense>
      </PageBody>
    </HydrateClient>
  );
}
