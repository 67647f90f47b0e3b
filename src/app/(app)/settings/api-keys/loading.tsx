import { HeaderSkeleton, RowsSkeleton } from "@/components/shell/loading-skeletons";
import { PageBody } from "@/components/shell/page-header";

export default function Loading() {
  return (
    <PageBody>
      <HeaderSkeleton action />
      <RowsSkeleton label="Loading API keys" rows={3} />
    </PageBody>
  );
}
