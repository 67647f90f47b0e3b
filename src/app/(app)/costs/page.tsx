import Link from "next/link";
import { Settings } from "lucide-react";
import { CostsView } from "@/components/costs/costs-view";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Costs" };

export default function CostsPage() {
  void api.costs.summary.prefetch();
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
