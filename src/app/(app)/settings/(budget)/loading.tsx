import { HeaderSkeleton, LoadingRegion } from "@/components/shell/loading-skeletons";
import { PageBody } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageBody>
      <HeaderSkeleton />
      <LoadingRegion label="Loading your settings">
        <Skeleton className="h-9 w-48" />
        <Skeleton className="h-72 w-full" />
      </LoadingRegion>
    </PageBody>
  );
}
