import { HeaderSkeleton, LoadingRegion } from "@/components/shell/loading-skeletons";
import { PageBody } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageBody>
      <HeaderSkeleton back action />
      <LoadingRegion label="Loading the model">
        <Skeleton className="h-80 w-full" />
      </LoadingRegion>
    </PageBody>
  );
}
