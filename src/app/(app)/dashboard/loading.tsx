import { DashboardSkeleton } from "@/components/dashboard/dashboard-view";
import { HeaderSkeleton } from "@/components/shell/loading-skeletons";
import { PageBody } from "@/components/shell/page-header";

export default function Loading() {
  return (
    <PageBody>
      <HeaderSkeleton action />
      <DashboardSkeleton />
    </PageBody>
  );
}
