import { NotificationsList } from "@/components/notifications/notifications-list";
import { PageBody, PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Notifications" };

export default function NotificationsPage() {
  return (
    <PageBody>
      <PageHeader title="Notifications" description="Jobs, datasets, deployments and budget alerts, newest first." />
      <NotificationsList />
    </PageBody>
  );
}
