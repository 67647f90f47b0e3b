import { ArtifactSkeleton } from "@/components/artifacts/artifact-detail";
import { PageBody } from "@/components/shell/page-header";

export default function Loading() {
  return (
    <PageBody>
      <ArtifactSkeleton />
    </PageBody>
  );
}
