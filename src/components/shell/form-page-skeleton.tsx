import { Skeleton } from "@/components/ui/skeleton";
import { HeaderSkeleton, LoadingRegion } from "./loading-skeletons";
import { PageBody } from "./page-header";

/** A configure-then-start page (new deployment, new training job) while it loads: sections beside a summary. */
export function FormPageSkeleton({ label }: { label: string }) {
  return (
    <PageBody>
      <HeaderSkeleton back />
      <LoadingRegion label={label} className="grid items-start lg:grid-cols-[minmax(0,1fr)_21rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Skeleton className="h-64 w-full rounded-xl" />
          <Skeleton className="h-48 w-full rounded-xl" />
        </div>
        <Skeleton className="h-72 w-full rounded-xl" />
      </LoadingRegion>
    </PageBody>
  );
}
