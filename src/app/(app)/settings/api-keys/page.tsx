import { Suspense } from "react";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { PageBody } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  // Awaited, so the server's render and the browser's first render agree.
  await api.apiKeys.list.prefetch();
  return (
    <HydrateClient>
      <PageBody>
        {/* useSearchParams (`?create=1`) needs a Suspense boundary to prerender. */}
        <Suspense>
          <ApiKeysView />
        </Suspense>
      </PageBody>
    </HydrateClient>
  );
}
