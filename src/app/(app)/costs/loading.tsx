import { HeaderSkeleton, LoadingRegion } from "@/components/shell/loading-skeletons";
import { PageBody } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageBody>
      <HeaderSkeleton action />
      <LoadingRegion label="Loading your costs" className="gap-6">
        <Skeleton className="h-36 w-full" />
        <Skeleton className="h-14 w-full sm:w-96" />
        <Skeleton className="h-80 w-full" />
      </LoadingRegion>
    </PageBody>
  );
}
