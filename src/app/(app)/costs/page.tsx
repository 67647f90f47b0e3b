import Link from "next/link";
import { Settings } from "lucide-react";
import { CostsView } from "@/components/costs/costs-view";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Costs" };

export default async function CostsPage() {
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await api.costs.summary.prefetch();
  return (
    <HydrateClient>
      <PageBody>
        <PageHeader
          title="Costs"
          description="What training, deployments and storage cost this month, as it accrues."
          actions={
            <Button asChild variant="outline">
              <Link href="/settings">
                <Settings /> Budget
              </Link>
            </Button>
          }
        />
        <CostsView />
      </PageBody>
    </HydrateClient>
  );
}
