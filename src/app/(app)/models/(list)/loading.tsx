import { HeaderSkeleton, LoadingRegion } from "@/components/shell/loading-skeletons";
import { PageBody } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageBody>
      <HeaderSkeleton />
      <LoadingRegion label="Loading models" className="gap-2">
        <Skeleton className="mb-2 h-9 w-full" />
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </LoadingRegion>
    </PageBody>
  );
}
