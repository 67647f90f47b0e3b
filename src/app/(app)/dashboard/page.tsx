import { DashboardView } from "@/components/dashboard/dashboard-view";
import { QuickActions } from "@/components/dashboard/quick-actions";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await api.dashboard.summary.prefetch();
  return (
    <HydrateClient>
      <PageBody>
        <PageHeader title="Dashboard" description="Your data, training, deployments and spend at a glance." actions={<QuickActions />} />
        <DashboardView />
      </PageBody>
    </HydrateClient>
  );
}
