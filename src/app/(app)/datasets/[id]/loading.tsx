import { DetailSkeleton } from "@/components/datasets/detail/dataset-detail";
import { PageBody } from "@/components/shell/page-header";

export default function Loading() {
  return (
    <PageBody>
      <DetailSkeleton />
    </PageBody>
  );
}
