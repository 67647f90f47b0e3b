import { SettingsBudget } from "@/components/settings/settings-budget";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageBody, PageHeader } from "@/components/shell/page-header";
import { api, HydrateClient } from "@/trpc/server";

export const metadata = { title: "Settings" };

export default function SettingsPage() {
  void api.budgets.get.prefetch();
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
