import Link from "next/link";
import { Plus } from "lucide-react";
import { DeploymentsTable } from "@/components/deployments/list/deployments-table";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Deployments" };

export default async function DeploymentsPage() {
  // Same input as the table's first page, so it renders without a client round trip.
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await api.deployments.list.prefetchInfinite({ limit: 20 });
  return (
    <HydrateClient>
      <PageBody>
        <PageHeader
          title="Deployments"
          description="Dedicated inference endpoints for foundation models: status, hardware and what each costs a month."
          actions={
            <Button asChild>
              <Link href="/deployments/new">
                <Plus /> New deployment
              </Link>
            </Button>
          }
        />
        <DeploymentsTable />
      </PageBody>
    </HydrateClient>
  );
}
