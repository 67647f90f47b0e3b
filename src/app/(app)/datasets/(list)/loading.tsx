import { HeaderSkeleton, LoadingRegion } from "@/components/shell/loading-skeletons";
import { PageBody } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageBody>
      <HeaderSkeleton />
      <LoadingRegion label="Loading datasets" className="gap-6">
        <Skeleton className="h-56 w-full rounded-xl" />
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-14 w-full" />
        ))}
      </LoadingRegion>
    </PageBody>
  );
}
