import { SettingsBudget } from "@/components/settings/settings-budget";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  // Awaited: a query still pending at render reaches the browser already answered, so its first render
  // would not match the server's loading state (a hydration error that re-renders the page).
  await api.budgets.get.prefetch();
  return (
    <HydrateClient>
      <PageBody>
        <PageHeader title="Settings" description="Your monthly budget and how Radium enforces it." />
        <SettingsNav />
        <SettingsBudget />
      </PageBody>
    </HydrateClient>
  );
}
